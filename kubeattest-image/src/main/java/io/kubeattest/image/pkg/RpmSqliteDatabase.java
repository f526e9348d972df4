package io.kubeattest.image.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite rpm database ({@code rpmdb.sqlite} of RHEL 9, Fedora 33+, CBL-Mariner): header blobs
 * in column {@code blob} of table {@code Packages}. SQLite may create {@code -shm} and {@code -wal}
 * files beside the database even when reading, so the file (and its write-ahead log, when present)
 * is copied into a private temporary directory and opened read-only there.
 */
final class RpmSqliteDatabase {
  private RpmSqliteDatabase() {}

  static List<byte[]> blobs(Path database, String location) {
    Path dir = TemporaryDirectory.create("kubeattest-rpmdb-");
    try {
      Path copy = dir.resolve("rpmdb.sqlite");
      Files.copy(database, copy, StandardCopyOption.COPY_ATTRIBUTES);
      Path wal = database.resolveSibling(database.getFileName() + "-wal");
      if (Files.isRegularFile(wal)) {
        Files.copy(wal, dir.resolve("rpmdb.sqlite-wal"));
      }
      return query(copy, location);
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be copied: " + e.getMessage(), e);
    } finally {
      TemporaryDirectory.delete(dir);
    }
  }

  private static List<byte[]> query(Path copy, String location) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    List<byte[]> blobs = new ArrayList<>();
    try (Connection connection = config.createConnection("jdbc:sqlite:" + copy);
        PreparedStatement select =
            connection.prepareStatement("SELECT blob FROM Packages ORDER BY hnum");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        byte[] blob = rows.getBytes(1);
        if (blob != null) {
          blobs.add(blob);
        }
      }
    } catch (SQLException e) {
      throw new PackageReadException(
          location
              + ": not a readable rpm SQLite database (table Packages, column blob): "
              + oneLine(e.getMessage()),
          e);
    }
    return blobs;
  }

  private static String oneLine(@Nullable String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s+", " ");
  }
}
