package io.kubeattest.image.pkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Berkeley DB hash database {@code Packages} of RHEL 7/8, CentOS and Amazon Linux 2, read
 * without Berkeley DB.
 *
 * <p>Format facts used: page 0 is the hash metadata page (magic {@code 0x061561} at offset 12 in
 * the creator's byte order, page size at 20, encryption algorithm at 24, page type 8 at 25, last
 * page number at 32). Every page starts with a 26-byte header (next page at 16, entry count at 20,
 * free-area offset at 22, type at 25). Hash pages (type 2 or 13) hold an array of 16-bit item
 * offsets after the header; items alternate key and value, and each item's first byte is its kind:
 * 1 inline bytes, 3 off-page (page number at 4, total length at 8). Off-page values live in chains
 * of overflow pages (type 7) whose data follow the header, with the byte count of each page in the
 * free-area field. rpm stores each header blob under a 4-byte package number; key 0 holds a
 * counter, not a package.
 */
final class RpmBerkeleyDatabase {
  private static final int HASH_MAGIC = 0x061561;
  private static final int PAGE_HEADER = 26;
  private static final int TYPE_HASH_UNSORTED = 2;
  private static final int TYPE_OVERFLOW = 7;
  private static final int TYPE_HASH_META = 8;
  private static final int TYPE_HASH = 13;
  private static final int ITEM_INLINE = 1;
  private static final int ITEM_OFF_PAGE = 3;
  private static final int MAX_BLOB = 64 * 1024 * 1024;

  private final FileChannel channel;
  private final String location;
  private final ByteOrder order;
  private final int pageSize;
  private final long pageCount;

  private RpmBerkeleyDatabase(FileChannel channel, String location) throws IOException {
    this.channel = channel;
    this.location = location;
    ByteBuffer meta = ByteBuffer.allocate(72);
    if (!readFully(channel, meta, 0)) {
      throw bad("is too short for a Berkeley DB metadata page");
    }
    ByteOrder detected = ByteOrder.LITTLE_ENDIAN;
    if (meta.order(detected).getInt(12) != HASH_MAGIC) {
      detected = ByteOrder.BIG_ENDIAN;
      if (meta.order(detected).getInt(12) != HASH_MAGIC) {
        throw bad("has no Berkeley DB hash magic 0x061561 at offset 12");
      }
    }
    this.order = detected;
    meta.order(order);
    this.pageSize = meta.getInt(20);
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw bad("has page size " + pageSize + ", expected a power of two from 512 to 65536");
    }
    if (meta.get(24) != 0) {
      throw bad("is encrypted, which rpm databases never are");
    }
    if ((meta.get(26) & 0x01) != 0) {
      throw bad("has page checksums, which this reader does not support");
    }
    if (meta.get(25) != TYPE_HASH_META) {
      throw bad("has metadata page type " + meta.get(25) + ", expected 8 (hash)");
    }
    long lastPage = Integer.toUnsignedLong(meta.getInt(32));
    this.pageCount = lastPage + 1;
    if (channel.size() < pageCount * pageSize) {
      throw bad(
          "is truncated: it declares "
              + pageCount
              + " pages of "
              + pageSize
              + " bytes, the file holds "
              + channel.size()
              + " bytes");
    }
  }

  static List<byte[]> blobs(Path database, String location) {
    try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ)) {
      return new RpmBerkeleyDatabase(channel, location).blobs();
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private List<byte[]> blobs() throws IOException {
    List<byte[]> blobs = new ArrayList<>();
    for (long number = 1; number < pageCount; number++) {
      ByteBuffer page = page(number);
      int type = page.get(25);
      if (type != TYPE_HASH && type != TYPE_HASH_UNSORTED) {
        continue;
      }
      int entries = Short.toUnsignedInt(page.getShort(20));
      if (PAGE_HEADER + 2L * entries > pageSize) {
        throw bad("page " + number + " claims " + entries + " entries, more than fit in a page");
      }
      for (int i = 1; i < entries; i += 2) {
        int keyStart = itemOffset(page, number, i - 1);
        int valueStart = itemOffset(page, number, i);
        if (isCounterKey(page, keyStart, i - 1 == 0 ? pageSize : itemOffset(page, number, i - 2))) {
          continue;
        }
        byte[] blob = value(page, number, valueStart, keyStart);
        if (blob != null) {
          blobs.add(blob);
        }
      }
    }
    return blobs;
  }

  private boolean isCounterKey(ByteBuffer page, int keyStart, int keyEnd) {
    return page.get(keyStart) == ITEM_INLINE
        && keyEnd - keyStart == 5
        && page.getInt(keyStart + 1) == 0;
  }

  private byte @Nullable [] value(ByteBuffer page, long number, int start, int end)
      throws IOException {
    int kind = page.get(start);
    if (kind == ITEM_INLINE) {
      if (end <= start) {
        throw bad("page " + number + " has overlapping items");
      }
      byte[] inline = new byte[end - start - 1];
      page.get(start + 1, inline);
      return inline;
    }
    if (kind != ITEM_OFF_PAGE) {
      return null;
    }
    if (start + 12 > pageSize) {
      throw bad("page " + number + " has an off-page item that runs past the page");
    }
    long next = Integer.toUnsignedLong(page.getInt(start + 4));
    long total = Integer.toUnsignedLong(page.getInt(start + 8));
    if (total > MAX_BLOB) {
      throw bad("page " + number + " has a value of " + total + " bytes, over the 64 MiB limit");
    }
    return overflowChain(next, (int) total);
  }

  private byte[] overflowChain(long first, int total) throws IOException {
    byte[] blob = new byte[total];
    int filled = 0;
    long number = first;
    for (long hops = 0; filled < total; hops++) {
      if (number == 0 || number >= pageCount || hops >= pageCount) {
        throw bad("has an overflow chain that breaks off at page " + number);
      }
      ByteBuffer page = page(number);
      if (page.get(25) != TYPE_OVERFLOW) {
        throw bad("page " + number + " is of type " + page.get(25) + ", expected overflow (7)");
      }
      int length = Math.min(Short.toUnsignedInt(page.getShort(22)), total - filled);
      if (PAGE_HEADER + length > pageSize) {
        throw bad("overflow page " + number + " claims more bytes than fit in a page");
      }
      page.get(PAGE_HEADER, blob, filled, length);
      filled += length;
      number = Integer.toUnsignedLong(page.getInt(16));
    }
    return blob;
  }

  private int itemOffset(ByteBuffer page, long number, int index) {
    int offset = Short.toUnsignedInt(page.getShort(PAGE_HEADER + 2 * index));
    if (offset < PAGE_HEADER || offset >= pageSize) {
      throw bad("page " + number + " has item " + index + " at offset " + offset + ", outside it");
    }
    return offset;
  }

  private ByteBuffer page(long number) throws IOException {
    ByteBuffer page = ByteBuffer.allocate(pageSize).order(order);
    if (!readFully(channel, page, number * pageSize)) {
      throw bad("ends inside page " + number);
    }
    return page;
  }

  /** Fills {@code buffer} from {@code position}; false when the file ends first. */
  static boolean readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        return false;
      }
      at += n;
    }
    return true;
  }

  private PackageReadException bad(String problem) {
    return new PackageReadException(location + ": Berkeley DB hash database " + problem);
  }
}
