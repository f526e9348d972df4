package io.kubeattest.image.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob through while hashing it; at the end of the stream, compares the SHA-256 and the
 * byte count with the descriptor and throws {@link ImageException} naming the blob when either
 * differs. A stream longer than its declared size fails as soon as it passes that size.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long expectedSize;
  private final String what;
  private final MessageDigest sha256 = Digest.sha256();
  private long count;
  private boolean verified;

  /**
   * @param expectedSize the size to hold the blob to, or -1 when it is unknown
   * @param what how to name the blob in errors, e.g. {@code blob sha256:...}
   */
  public VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String what) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b == -1) {
      verify();
    } else {
      sha256.update((byte) b);
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n == -1) {
      verify();
    } else {
      sha256.update(buffer, offset, n);
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(int n) {
    count += n;
    if (expectedSize >= 0 && count > expectedSize) {
      throw new ImageException(
          what + " is longer than its declared size of " + expectedSize + " bytes");
    }
  }

  private void verify() {
    if (verified) {
      return;
    }
    verified = true;
    if (expectedSize >= 0 && count != expectedSize) {
      throw new ImageException(
          what + " has " + count + " bytes, but its descriptor says " + expectedSize);
    }
    Digest actual = Digest.fromHash(sha256.digest());
    if (!actual.equals(expected)) {
      throw new ImageException(
          what + " does not match its digest: expected " + expected + ", got " + actual);
    }
  }
}
