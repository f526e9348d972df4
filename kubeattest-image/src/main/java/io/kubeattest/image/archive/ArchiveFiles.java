package io.kubeattest.image.archive;

import io.kubeattest.image.oci.ImageException;
import java.io.IOException;
import java.io.InputStream;

/** Read access to the files of an image archive: a directory or a tar. */
interface ArchiveFiles extends AutoCloseable {
  /** The archive as the user named it. */
  String name();

  boolean exists(String path);

  /** The size of a file, in bytes. */
  long size(String path);

  /** Opens a file; the caller closes the stream. */
  InputStream open(String path);

  /** Reads a small file whole. */
  default byte[] readAll(String path, int limit) {
    if (!exists(path)) {
      throw new ImageException(name() + ": " + path + " is missing");
    }
    try (InputStream in = open(path)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new ImageException(
            name() + ": " + path + " is over the limit of " + limit + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new ImageException(name() + ": " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  void close();
}
