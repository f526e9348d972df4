package io.kubeattest.image.fs;

import io.kubeattest.image.oci.ImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The uncompressed side of a layer: throws {@link ImageException} when it grows past the size limit
 * or past the ratio limit against the compressed bytes read so far.
 */
final class BoundedInputStream extends FilterInputStream {
  private final CountingInputStream compressed;
  private final LayerLimits limits;
  private final String what;
  private long count;

  BoundedInputStream(
      InputStream in, CountingInputStream compressed, LayerLimits limits, String what) {
    super(in);
    this.compressed = compressed;
    this.limits = limits;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b != -1) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(int n) {
    count += n;
    if (count > limits.maxLayerBytes()) {
      throw new ImageException(
          what + " is larger than the limit of " + limits.maxLayerBytes() + " bytes uncompressed");
    }
    if (count > limits.ratioAfter()
        && count > (double) limits.maxRatio() * Math.max(1, compressed.count())) {
      throw new ImageException(
          what
              + " expands more than "
              + limits.maxRatio()
              + " times ("
              + compressed.count()
              + " compressed bytes gave "
              + count
              + "): refused as a decompression bomb");
    }
  }
}
