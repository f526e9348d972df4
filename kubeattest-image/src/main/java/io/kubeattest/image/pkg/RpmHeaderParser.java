package io.kubeattest.image.pkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses an RPM header blob as the package databases store it: no lead and no magic, just the index
 * entry count {@code il} and data length {@code dl} (big-endian int32 each), {@code il}
 * sixteen-byte index entries (tag, type, offset, count) and the {@code dl}-byte data store.
 */
final class RpmHeaderParser {
  static final int TAG_NAME = 1000;
  static final int TAG_VERSION = 1001;
  static final int TAG_RELEASE = 1002;
  static final int TAG_EPOCH = 1003;
  static final int TAG_SIZE = 1009;
  static final int TAG_VENDOR = 1011;
  static final int TAG_LICENSE = 1014;
  static final int TAG_ARCH = 1022;
  static final int TAG_SOURCERPM = 1044;

  private static final int TYPE_INT32 = 4;
  private static final int TYPE_STRING = 6;
  private static final int TYPE_STRING_ARRAY = 8;
  private static final int TYPE_I18NSTRING = 9;

  /** rpm's own limits: at most 0xffff index entries and 256 MiB of data. */
  private static final int MAX_ENTRIES = 0xffff;

  private static final int MAX_DATA = 256 * 1024 * 1024;

  private RpmHeaderParser() {}

  /** The fields kubeattest uses from one header. */
  record RpmHeader(
      String name,
      String version,
      String release,
      @Nullable Integer epoch,
      @Nullable String arch,
      @Nullable String sourceRpm,
      @Nullable String licence,
      @Nullable String vendor,
      @Nullable Long size) {

    InstalledPackage toPackage(String location) {
      InstalledPackage.Builder builder =
          InstalledPackage.builder(PackageType.RPM, name, version, location)
              .release(release)
              .epoch(epoch)
              .arch(arch)
              .licence(licence);
      if (sourceRpm != null) {
        String[] nvr = splitSourceRpm(sourceRpm);
        if (nvr != null) {
          builder.source(nvr[0], nvr[1], nvr[2]);
        }
      }
      return builder.build();
    }
  }

  /**
   * Parses one header blob.
   *
   * @param what names the blob in errors, e.g. {@code var/lib/rpm/rpmdb.sqlite, record 12}
   */
  static RpmHeader parse(byte[] blob, String what) {
    if (blob.length < 8) {
      throw bad(what, "is " + blob.length + " bytes, shorter than the 8-byte header preamble");
    }
    ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.BIG_ENDIAN);
    int il = buffer.getInt(0);
    int dl = buffer.getInt(4);
    if (il < 1 || il > MAX_ENTRIES) {
      throw bad(
          what, "has " + Integer.toUnsignedString(il) + " index entries, expected 1 to 65535");
    }
    if (dl < 0 || dl > MAX_DATA) {
      throw bad(what, "has a data length of " + Integer.toUnsignedString(dl) + " bytes");
    }
    long dataStart = 8L + 16L * il;
    if (dataStart + dl > blob.length) {
      throw bad(
          what,
          "is truncated: "
              + il
              + " entries and "
              + dl
              + " data bytes need "
              + (dataStart + dl)
              + " bytes, found "
              + blob.length);
    }
    Map<Integer, int[]> entries = new HashMap<>();
    for (int i = 0; i < il; i++) {
      int at = 8 + 16 * i;
      int tag = buffer.getInt(at);
      int type = buffer.getInt(at + 4);
      int offset = buffer.getInt(at + 8);
      int count = buffer.getInt(at + 12);
      if (offset < 0 || offset >= dl || count < 0) {
        throw bad(what, "has index entry " + i + " (tag " + tag + ") pointing outside its data");
      }
      entries.put(tag, new int[] {type, offset, count});
    }
    Store store = new Store(buffer, (int) dataStart, dl, entries, what);
    return new RpmHeader(
        store.requiredString(TAG_NAME, "NAME"),
        store.requiredString(TAG_VERSION, "VERSION"),
        store.requiredString(TAG_RELEASE, "RELEASE"),
        store.int32(TAG_EPOCH),
        store.string(TAG_ARCH),
        store.string(TAG_SOURCERPM),
        store.string(TAG_LICENSE),
        store.string(TAG_VENDOR),
        store.uint32(TAG_SIZE));
  }

  /**
   * Splits a source RPM file name ({@code openssl-1.1.1k-9.el8.src.rpm}) into name, version and
   * release, or returns null when it has not that shape.
   */
  static String @Nullable [] splitSourceRpm(String fileName) {
    String base = fileName;
    for (String suffix : new String[] {".src.rpm", ".nosrc.rpm"}) {
      if (base.endsWith(suffix)) {
        base = base.substring(0, base.length() - suffix.length());
      }
    }
    int releaseDash = base.lastIndexOf('-');
    int versionDash = releaseDash <= 0 ? -1 : base.lastIndexOf('-', releaseDash - 1);
    if (versionDash <= 0 || releaseDash == base.length() - 1) {
      return null;
    }
    return new String[] {
      base.substring(0, versionDash),
      base.substring(versionDash + 1, releaseDash),
      base.substring(releaseDash + 1)
    };
  }

  private static PackageReadException bad(String what, String problem) {
    return new PackageReadException(what + ": RPM header " + problem);
  }

  /** Typed access to the data store of one header. */
  private record Store(
      ByteBuffer buffer, int start, int length, Map<Integer, int[]> entries, String what) {

    String requiredString(int tag, String tagName) {
      String value = string(tag);
      if (value == null || value.isEmpty()) {
        throw bad(what, "has no " + tagName + " tag");
      }
      return value;
    }

    @Nullable String string(int tag) {
      int[] entry = entries.get(tag);
      if (entry == null) {
        return null;
      }
      int type = entry[0];
      if (type != TYPE_STRING && type != TYPE_I18NSTRING && type != TYPE_STRING_ARRAY) {
        throw bad(what, "has tag " + tag + " of type " + type + ", expected a string");
      }
      int from = start + entry[1];
      int end = start + length;
      for (int i = from; i < end; i++) {
        if (buffer.get(i) == 0) {
          byte[] bytes = new byte[i - from];
          buffer.get(from, bytes);
          return new String(bytes, StandardCharsets.UTF_8);
        }
      }
      throw bad(what, "has tag " + tag + " with a string that runs past the data store");
    }

    @Nullable Long uint32(int tag) {
      Integer value = int32(tag);
      return value == null ? null : Integer.toUnsignedLong(value);
    }

    @Nullable Integer int32(int tag) {
      int[] entry = entries.get(tag);
      if (entry == null) {
        return null;
      }
      if (entry[0] != TYPE_INT32 || entry[2] < 1) {
        throw bad(what, "has tag " + tag + " of type " + entry[0] + ", expected int32");
      }
      if (entry[1] + 4 > length) {
        throw bad(what, "has tag " + tag + " pointing outside its data");
      }
      return buffer.getInt(start + entry[1]);
    }
  }
}
