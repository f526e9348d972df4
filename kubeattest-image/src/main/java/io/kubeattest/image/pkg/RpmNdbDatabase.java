package io.kubeattest.image.pkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * rpm's own NDB package database ({@code Packages.db}, SUSE Linux Enterprise 15 and openSUSE).
 *
 * <p>Format facts used, all little-endian: a 32-byte file header (magic {@code RpmP}, version 0,
 * generation, number of 4 KiB slot pages, next package index) followed, within the slot pages, by
 * 16-byte slots (magic {@code Slot}, package index, block offset, block count; index 0 marks a free
 * slot). Blocks are 16 bytes. A package's blocks start with a 16-byte blob header (magic {@code
 * BlbS}, package index, generation, blob length), then the header blob, and end with a 12-byte tail
 * (checksum, blob length, magic {@code BlbE}).
 */
final class RpmNdbDatabase {
  static final int FILE_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
  private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
  private static final int BLOB_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
  private static final int TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
  private static final int SLOT_PAGE = 4096;
  private static final int SLOT = 16;
  private static final int BLOCK = 16;
  private static final int FILE_HEADER = 32;
  private static final int MAX_SLOT_PAGES = 4096;
  private static final int MAX_BLOB = 64 * 1024 * 1024;

  private RpmNdbDatabase() {}

  static List<byte[]> blobs(Path database, String location) {
    try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ)) {
      return blobs(channel, location);
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<byte[]> blobs(FileChannel channel, String location) throws IOException {
    ByteBuffer header = read(channel, 0, FILE_HEADER, location, "the file header");
    if (header.getInt(0) != FILE_MAGIC) {
      throw bad(location, "has no RpmP magic at offset 0");
    }
    if (header.getInt(4) != 0) {
      throw bad(location, "has version " + header.getInt(4) + ", expected 0");
    }
    int slotPages = header.getInt(12);
    if (slotPages < 1 || slotPages > MAX_SLOT_PAGES) {
      throw bad(location, "claims " + Integer.toUnsignedString(slotPages) + " slot pages");
    }
    ByteBuffer slots = read(channel, 0, slotPages * SLOT_PAGE, location, "the slot pages");
    List<byte[]> blobs = new ArrayList<>();
    for (int at = FILE_HEADER; at < slotPages * SLOT_PAGE; at += SLOT) {
      if (slots.getInt(at) != SLOT_MAGIC) {
        throw bad(location, "has no Slot magic at offset " + at);
      }
      int index = slots.getInt(at + 4);
      if (index != 0) {
        blobs.add(blob(channel, location, index, slots.getInt(at + 8), slots.getInt(at + 12)));
      }
    }
    return blobs;
  }

  private static byte[] blob(
      FileChannel channel, String location, int index, int blockOffset, int blockCount)
      throws IOException {
    long start = Integer.toUnsignedLong(blockOffset) * BLOCK;
    long size = Integer.toUnsignedLong(blockCount) * BLOCK;
    String what = "package " + Integer.toUnsignedString(index);
    if (size < 16 + 12 || size > MAX_BLOB || start + size > channel.size()) {
      throw bad(location, "has " + what + " with blocks outside the file or of a bad size");
    }
    ByteBuffer blocks = read(channel, start, (int) size, location, what);
    if (blocks.getInt(0) != BLOB_MAGIC || blocks.getInt(4) != index) {
      throw bad(location, "has no BlbS blob header for " + what + " at offset " + start);
    }
    int length = blocks.getInt(12);
    if (length < 0 || 16L + length + 12 > size) {
      throw bad(location, "has " + what + " whose blob length " + length + " exceeds its blocks");
    }
    int tail = (int) size - 12;
    if (blocks.getInt(tail + 8) != TAIL_MAGIC || blocks.getInt(tail + 4) != length) {
      throw bad(location, "has no matching BlbE blob tail for " + what);
    }
    byte[] blob = new byte[length];
    blocks.get(16, blob);
    return blob;
  }

  private static ByteBuffer read(
      FileChannel channel, long position, int length, String location, String what)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    if (!RpmBerkeleyDatabase.readFully(channel, buffer, position)) {
      throw bad(location, "ends inside " + what);
    }
    return buffer;
  }

  private static PackageReadException bad(String location, String problem) {
    return new PackageReadException(location + ": rpm NDB database " + problem);
  }
}
