package io.kubeattest.image.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads whole inputs with an upper bound, so a hostile file cannot exhaust memory. */
final class BoundedInput {
  private BoundedInput() {}

  /**
   * Reads {@code in} to its end.
   *
   * @throws PackageReadException when it holds more than {@code limit} bytes or cannot be read
   */
  static byte[] readAll(InputStream in, int limit, String location) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + n > limit) {
          throw new PackageReadException(
              location + ": larger than the limit of " + limit + " bytes for this kind of file");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be read: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
