package io.kubeattest.image.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the packages recorded in one file of an image: a package database, a metadata file, an
 * archive or a binary. Implementations are stateless and thread-safe.
 */
public interface PackageDatabaseReader {

  /**
   * Whether this reader understands the file at {@code path} (a path in the image, with or without
   * a leading {@code /}), judged by its name alone. Readers that judge by content (Go binaries)
   * accept every path; the caller passes them executable files only.
   */
  boolean accepts(String path);

  /**
   * Reads the packages recorded in {@code content}. The stream is read but not closed.
   *
   * @param location the file's path in the image; it names the file in errors and becomes {@link
   *     InstalledPackage#location()}
   * @param content the file's bytes
   * @return the packages, in file order; empty when the file records none
   * @throws PackageReadException when the content is malformed or exceeds a safety limit
   */
  List<InstalledPackage> read(String location, InputStream content);

  /** Reads a file on disk; its path is the location. */
  default List<InstalledPackage> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (IOException e) {
      throw new PackageReadException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
