package io.kubeattest.image.vulndb;

import io.kubeattest.image.osv.Affected;
import io.kubeattest.image.osv.AffectedPackage;
import io.kubeattest.image.osv.OsvRecord;
import io.kubeattest.image.version.Ecosystem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Writes records into the database inside one transaction: an upsert by id that replaces a stored
 * record only when the new one's {@code modified} time is later, and re-indexes its packages.
 * Package-private: the importer and downloader are its only users. Not thread-safe.
 */
final class RecordWriter implements AutoCloseable {
  private static final int BATCH = 1000;

  private final Connection connection;
  private final Path file;
  private final Clock clock;
  private final String kind;
  private final String source;
  private final PreparedStatement upsert;
  private final PreparedStatement unindex;
  private final PreparedStatement index;
  private int pending;
  private long stored;
  private long unchanged;
  private boolean done;

  RecordWriter(Connection connection, Path file, Clock clock, String kind, String source)
      throws SQLException {
    this.connection = connection;
    this.file = file;
    this.clock = clock;
    this.kind = kind;
    this.source = source;
    connection.setAutoCommit(false);
    upsert =
        connection.prepareStatement(
            "INSERT INTO records (id, modified, json) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET modified = excluded.modified, json = excluded.json"
                + " WHERE excluded.modified > records.modified");
    unindex = connection.prepareStatement("DELETE FROM affected WHERE record_id = ?");
    index =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO affected (ecosystem, name, record_id) VALUES (?, ?, ?)");
  }

  /**
   * Stores {@code record} with its original JSON text, unless a record with the same id and the
   * same or a later {@code modified} time is already stored.
   *
   * @return true if the record was stored, false if it was unchanged
   */
  boolean put(OsvRecord record, String json) {
    try {
      Instant modified = record.modified();
      upsert.setString(1, record.id());
      upsert.setLong(2, modified == null ? 0 : modified.toEpochMilli());
      upsert.setString(3, json);
      if (upsert.executeUpdate() == 0) {
        unchanged++;
        return false;
      }
      unindex.setString(1, record.id());
      unindex.executeUpdate();
      for (Key key : keys(record)) {
        index.setString(1, key.ecosystem().osvName());
        index.setString(2, VulnerabilityDatabase.indexName(key.ecosystem(), key.name()));
        index.setString(3, record.id());
        index.addBatch();
        if (++pending >= BATCH) {
          index.executeBatch();
          pending = 0;
        }
      }
      stored++;
      return true;
    } catch (SQLException e) {
      throw VulnerabilityDatabase.failure(file, "cannot write", e);
    }
  }

  private static Set<Key> keys(OsvRecord record) {
    Set<Key> keys = new LinkedHashSet<>();
    for (Affected affected : record.affected()) {
      AffectedPackage pkg = affected.pkg();
      if (pkg == null) {
        continue;
      }
      Optional<Ecosystem> ecosystem = Ecosystem.fromOsvName(pkg.ecosystem());
      ecosystem.ifPresent(e -> keys.add(new Key(e, pkg.name())));
    }
    return keys;
  }

  /** Records this import in the history and commits everything written. */
  ImportRecord commit(long failed) {
    try {
      if (pending > 0) {
        index.executeBatch();
        pending = 0;
      }
      Instant now = clock.instant();
      try (PreparedStatement history =
          connection.prepareStatement(
              "INSERT INTO imports (kind, source, finished_at, stored, unchanged, failed)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        history.setString(1, kind);
        history.setString(2, source);
        history.setLong(3, now.toEpochMilli());
        history.setLong(4, stored);
        history.setLong(5, unchanged);
        history.setLong(6, failed);
        history.executeUpdate();
      }
      connection.commit();
      done = true;
      return new ImportRecord(kind, source, now, stored, unchanged, failed);
    } catch (SQLException e) {
      throw VulnerabilityDatabase.failure(file, "cannot write", e);
    }
  }

  @Override
  public void close() {
    try {
      if (!done) {
        connection.rollback();
      }
      upsert.close();
      unindex.close();
      index.close();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw VulnerabilityDatabase.failure(file, "cannot write", e);
    }
  }

  private record Key(Ecosystem ecosystem, String name) {}
}
