package io.kubeattest.image.pkg;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * A {@link ZipInputStream} that refuses zip bombs: it counts the compressed bytes it pulls from its
 * source and the bytes it inflates (including entries it skips, since {@link
 * ZipInputStream#closeEntry()} reads through {@link #read(byte[], int, int)}), and fails once the
 * inflated bytes pass {@value #MIN_CHECKED} and exceed {@value #MAX_RATIO} times the compressed
 * ones, or pass {@value #MAX_INFLATED} in all.
 */
final class GuardedZipInputStream extends ZipInputStream {
  static final int MAX_RATIO = 100;
  static final long MIN_CHECKED = 1L << 20;
  static final long MAX_INFLATED = 4L << 30;

  private final CountingInputStream source;
  private final String location;
  private long inflated;

  private GuardedZipInputStream(CountingInputStream source, String location) {
    super(source);
    this.source = source;
    this.location = location;
  }

  static GuardedZipInputStream of(InputStream in, String location) {
    return new GuardedZipInputStream(new CountingInputStream(in), location);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      inflated += n;
      if (inflated > MAX_INFLATED) {
        throw new PackageReadException(
            location + ": inflates to more than " + MAX_INFLATED + " bytes; refused as a zip bomb");
      }
      if (inflated > MIN_CHECKED && inflated > MAX_RATIO * source.count) {
        throw new PackageReadException(
            location
                + ": inflates more than "
                + MAX_RATIO
                + " times its compressed size ("
                + inflated
                + " from "
                + source.count
                + " bytes); refused as a zip bomb");
      }
    }
    return n;
  }

  /** Counts the bytes read through it. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
