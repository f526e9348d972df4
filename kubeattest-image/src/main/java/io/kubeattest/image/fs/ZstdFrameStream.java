package io.kubeattest.image.fs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Walks the frames of a zstd stream (RFC 8878) ahead of the decoder: passes zstd frames through,
 * drops skippable frames (zstd:chunked keeps its table of contents in them), and throws {@link
 * IOException} with the byte offset when a frame needs more memory than kubeattest grants, names a
 * dictionary, is not a frame at all, or the stream ends inside a frame. It checks the framing only;
 * the decoder checks the blocks' content.
 */
final class ZstdFrameStream extends InputStream {
  /**
   * The largest window, or single-segment content, a frame may ask for: libzstd's own default
   * decoder limit (window log 27).
   */
  static final long MAX_WINDOW = 128L << 20;

  private static final int FRAME_MAGIC = 0xFD2FB528;
  private static final int SKIPPABLE_MAGIC = 0x184D2A50;
  private static final int MAX_BLOCK = 128 << 10;
  private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};

  private enum Next {
    FRAME,
    BLOCK_HEADER,
    CHECKSUM
  }

  private final InputStream in;
  private final byte[] header = new byte[18];
  private final byte[] one = new byte[1];
  private int headerPosition;
  private int headerLength;
  private long body;
  private long offset;
  private boolean checksum;
  private Next next = Next.FRAME;

  ZstdFrameStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int off, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      if (headerPosition < headerLength) {
        int n = Math.min(length, headerLength - headerPosition);
        System.arraycopy(header, headerPosition, buffer, off, n);
        headerPosition += n;
        return n;
      }
      if (body > 0) {
        int n = in.read(buffer, off, (int) Math.min(length, body));
        if (n < 0) {
          throw truncated();
        }
        body -= n;
        offset += n;
        return n;
      }
      if (!advance()) {
        return -1;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads the next header into {@link #header}; false at the end of the last frame. */
  private boolean advance() throws IOException {
    headerPosition = 0;
    headerLength = 0;
    switch (next) {
      case FRAME -> {
        return frame();
      }
      case BLOCK_HEADER -> block();
      case CHECKSUM -> {
        body = 4;
        next = Next.FRAME;
      }
    }
    return true;
  }

  private boolean frame() throws IOException {
    long start = offset;
    int first = in.read();
    if (first < 0) {
      return false;
    }
    offset++;
    header[0] = (byte) first;
    fill(1, 3);
    int magic = littleEndianInt(0);
    if ((magic & 0xFFFFFFF0) == SKIPPABLE_MAGIC) {
      fill(4, 4);
      discard(Integer.toUnsignedLong(littleEndianInt(4)));
      next = Next.FRAME;
      return true;
    }
    if (magic != FRAME_MAGIC) {
      throw new IOException(
          String.format("byte %d should start a zstd frame but holds 0x%08x", start, magic));
    }
    fill(4, 1);
    int descriptor = header[4] & 0xff;
    int sizeFlag = descriptor >>> 6;
    boolean singleSegment = (descriptor & 0x20) != 0;
    if ((descriptor & 0x08) != 0) {
      throw new IOException("the zstd frame at byte " + start + " sets a reserved header bit");
    }
    checksum = (descriptor & 0x04) != 0;
    int dictionaryBytes = DICTIONARY_ID_BYTES[descriptor & 0x03];
    int sizeBytes = sizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << sizeFlag;
    int windowBytes = singleSegment ? 0 : 1;
    fill(5, windowBytes + dictionaryBytes + sizeBytes);
    if (littleEndian(5 + windowBytes, dictionaryBytes) != 0) {
      throw new IOException(
          "the zstd frame at byte " + start + " needs a dictionary, which a layer cannot carry");
    }
    long window;
    if (singleSegment) {
      window = littleEndian(5 + dictionaryBytes, sizeBytes) + (sizeBytes == 2 ? 256 : 0);
    } else {
      int exponentAndMantissa = header[5] & 0xff;
      long base = 1L << (10 + (exponentAndMantissa >>> 3));
      window = base + (base >>> 3) * (exponentAndMantissa & 0x07);
    }
    if (window < 0 || window > MAX_WINDOW) {
      throw new IOException(
          "the zstd frame at byte "
              + start
              + " needs a window of "
              + Long.toUnsignedString(window)
              + " bytes, over the "
              + (MAX_WINDOW >> 20)
              + " MiB that zstd decodes by default (zstd --long=28 and above, or --memory, make"
              + " such frames): refused");
    }
    next = Next.BLOCK_HEADER;
    return true;
  }

  private void block() throws IOException {
    long start = offset;
    fill(0, 3);
    int blockHeader = (int) littleEndian(0, 3);
    boolean last = (blockHeader & 1) != 0;
    int type = (blockHeader >>> 1) & 0x03;
    int size = blockHeader >>> 3;
    if (type == 3 || size > MAX_BLOCK) {
      throw new IOException("the zstd block at byte " + start + " is corrupt");
    }
    body = type == 1 ? 1 : size;
    if (!last) {
      next = Next.BLOCK_HEADER;
    } else {
      next = checksum ? Next.CHECKSUM : Next.FRAME;
    }
  }

  /** Reads {@code count} bytes into the header at {@code at}, handed to the decoder after. */
  private void fill(int at, int count) throws IOException {
    int n = in.readNBytes(header, at, count);
    offset += n;
    if (n < count) {
      throw truncated();
    }
    headerLength = at + count;
  }

  private void discard(long count) throws IOException {
    long left = count;
    while (left > 0) {
      long n = in.skip(left);
      if (n <= 0) {
        if (in.read() < 0) {
          throw truncated();
        }
        n = 1;
      }
      left -= n;
      offset += n;
    }
    headerLength = 0;
  }

  private IOException truncated() {
    return new IOException("the zstd stream ends inside a frame at byte " + offset + ": truncated");
  }

  private int littleEndianInt(int at) {
    return (int) littleEndian(at, 4);
  }

  private long littleEndian(int at, int count) {
    long value = 0;
    for (int i = count - 1; i >= 0; i--) {
      value = (value << 8) | (header[at + i] & 0xff);
    }
    return value;
  }
}
