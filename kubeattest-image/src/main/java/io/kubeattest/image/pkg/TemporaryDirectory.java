package io.kubeattest.image.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates and removes the private temporary directories readers need for scratch copies. */
final class TemporaryDirectory {
  private TemporaryDirectory() {}

  /** A new directory under the system temporary directory, readable by its owner only. */
  static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new PackageReadException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  /** Removes {@code dir} and everything in it, as far as possible; never throws. */
  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TemporaryDirectory::deleteQuietly);
    } catch (IOException e) {
      // best effort: the directory is private and under the system temporary directory
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // best effort, as above
    }
  }
}
