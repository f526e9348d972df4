package io.kubeattest.image.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an rpm package database in any of its three formats, recognised by content: SQLite ({@code
 * rpmdb.sqlite}), Berkeley DB hash ({@code Packages}) and NDB ({@code Packages.db}). Every header
 * is listed, as {@code rpm -qa} lists them, including {@code gpg-pubkey} entries.
 *
 * <p>A stream is first copied to a file in a private temporary directory (at most {@value
 * #MAX_DATABASE_BYTES} bytes), since all three formats need random access; the directory is deleted
 * afterwards.
 */
public final class RpmDatabaseReader implements PackageDatabaseReader {
  /** The largest database accepted: 1 GiB, several times a full RHEL installation. */
  public static final long MAX_DATABASE_BYTES = 1L << 30;

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BERKELEY_HASH_MAGIC = 0x061561;
  private static final Pattern DATABASE_PATH =
      Pattern.compile(
          "(^|/)(var/lib/rpm|usr/lib/sysimage/rpm)/(Packages|Packages\\.db|rpmdb\\.sqlite)$");

  /** The database formats rpm has used. */
  enum Format {
    SQLITE,
    BERKELEY_DB,
    NDB
  }

  /**
   * Accepts {@code Packages}, {@code Packages.db} and {@code rpmdb.sqlite} in {@code var/lib/rpm/}
   * and {@code usr/lib/sysimage/rpm/}.
   */
  @Override
  public boolean accepts(String path) {
    return DATABASE_PATH.matcher(path).find();
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    Path dir = TemporaryDirectory.create("kubeattest-rpm-");
    try {
      Path copy = dir.resolve("database");
      copyBounded(content, copy, location);
      return read(copy, location);
    } finally {
      TemporaryDirectory.delete(dir);
    }
  }

  @Override
  public List<InstalledPackage> read(Path file) {
    return read(file, file.toString());
  }

  /** Reads the database at {@code file}, naming it {@code location} in packages and errors. */
  public List<InstalledPackage> read(Path file, String location) {
    List<byte[]> blobs =
        switch (format(file, location)) {
          case SQLITE -> RpmSqliteDatabase.blobs(file, location);
          case BERKELEY_DB -> RpmBerkeleyDatabase.blobs(file, location);
          case NDB -> RpmNdbDatabase.blobs(file, location);
        };
    List<InstalledPackage> packages = new ArrayList<>(blobs.size());
    for (int i = 0; i < blobs.size(); i++) {
      String what = location + ", header " + (i + 1);
      packages.add(RpmHeaderParser.parse(blobs.get(i), what).toPackage(location));
    }
    return List.copyOf(packages);
  }

  /** Recognises the format from the first bytes of the file. */
  static Format format(Path file, String location) {
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be read: " + e.getMessage(), e);
    }
    if (n == 16 && Arrays.equals(head, SQLITE_MAGIC)) {
      return Format.SQLITE;
    }
    ByteBuffer little = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    if (n >= 4 && little.getInt(0) == RpmNdbDatabase.FILE_MAGIC) {
      return Format.NDB;
    }
    if (n == 16
        && (little.getInt(12) == BERKELEY_HASH_MAGIC
            || little.order(ByteOrder.BIG_ENDIAN).getInt(12) == BERKELEY_HASH_MAGIC)) {
      return Format.BERKELEY_DB;
    }
    throw new PackageReadException(
        location + ": not an rpm database: expected SQLite, Berkeley DB hash or NDB magic");
  }

  private static void copyBounded(InputStream content, Path target, String location) {
    byte[] buffer = new byte[65536];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = content.read(buffer)) != -1) {
        total += n;
        if (total > MAX_DATABASE_BYTES) {
          throw new PackageReadException(
              location + ": larger than the limit of " + MAX_DATABASE_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be copied: " + e.getMessage(), e);
    }
  }
}
