package io.kubeattest.image.pkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Test fixtures under {@code src/test/resources/pkg}. */
final class TestResources {
  private TestResources() {}

  static Path path(String relative) {
    URL url = Objects.requireNonNull(TestResources.class.getResource("/pkg/" + relative), relative);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String relative) {
    try {
      return Files.readAllLines(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
