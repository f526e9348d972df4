package io.kubeattest.image.fs;

import io.kubeattest.image.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * How a layer blob is compressed, decided by its first bytes: the gzip and zstd magic numbers mark
 * those formats whatever the media type says, and a blob with neither is a plain tar, unless its
 * media type declares zstd.
 */
enum LayerCompression {
  NONE,
  GZIP,
  ZSTD;

  /**
   * The compression of a blob of {@code mediaType} that starts with {@code head} (its first four
   * bytes, fewer when it is shorter).
   *
   * @throws IOException when the media type declares zstd but the blob does not start with a zstd
   *     frame
   */
  static LayerCompression of(String mediaType, byte[] head) throws IOException {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (head.length == 4 && startsZstd(head)) {
      return ZSTD;
    }
    if (MediaTypes.isZstdLayer(mediaType)) {
      throw new IOException("its media type " + mediaType + " says zstd, but it is not");
    }
    return NONE;
  }

  /** The uncompressed stream over {@code compressed}. */
  InputStream decoder(InputStream compressed) throws IOException {
    return switch (this) {
      case NONE -> compressed;
      case GZIP ->
          GzipCompressorInputStream.builder()
              .setInputStream(compressed)
              .setDecompressConcatenated(true)
              .get();
      case ZSTD -> ZstdDecodingInputStream.open(compressed);
    };
  }

  /** A zstd frame (28 B5 2F FD) or a skippable frame (5? 2A 4D 18), which may lead a stream. */
  private static boolean startsZstd(byte[] head) {
    int b0 = head[0] & 0xff;
    int b1 = head[1] & 0xff;
    int b2 = head[2] & 0xff;
    int b3 = head[3] & 0xff;
    boolean frame = b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd;
    boolean skippable = (b0 & 0xf0) == 0x50 && b1 == 0x2a && b2 == 0x4d && b3 == 0x18;
    return frame || skippable;
  }
}
