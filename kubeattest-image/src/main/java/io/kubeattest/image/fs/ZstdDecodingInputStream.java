package io.kubeattest.image.fs;

import com.github.luben.zstd.ZstdIOException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a zstd stream as it is read: libzstd (through commons-compress and zstd-jni) behind a
 * {@link ZstdFrameStream}. Every failure is an {@link IOException} with a readable message, and it
 * sticks: a reader that swallows one (a visitor reading a file) gets it again on its next read
 * instead of a confusing error from the middle of a frame. {@link #close} frees the native decoder
 * and closes the compressed stream.
 */
final class ZstdDecodingInputStream extends FilterInputStream {
  private @Nullable IOException failure;

  private ZstdDecodingInputStream(InputStream decoder) {
    super(decoder);
  }

  /**
   * @throws IOException when the native decoder cannot be loaded on this platform
   */
  static ZstdDecodingInputStream open(InputStream compressed) throws IOException {
    try {
      return new ZstdDecodingInputStream(
          new ZstdCompressorInputStream(new ZstdFrameStream(compressed)));
    } catch (LinkageError e) {
      throw new IOException(
          "the zstd native library (zstd-jni) cannot be loaded here: "
              + e
              + "; if the temporary directory is mounted noexec, point -DZstdTempFolder at one"
              + " that is not",
          e);
    }
  }

  @Override
  public int read() throws IOException {
    failIfFailed();
    try {
      return in.read();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    failIfFailed();
    try {
      return in.read(buffer, offset, length);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void failIfFailed() throws IOException {
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
  }

  /** Our own frame errors as they are; libzstd's named as corrupt data. */
  private IOException failed(IOException e) {
    IOException reported =
        e instanceof ZstdIOException
            ? new IOException("corrupt zstd data: " + e.getMessage(), e)
            : e;
    failure = reported;
    return reported;
  }
}
