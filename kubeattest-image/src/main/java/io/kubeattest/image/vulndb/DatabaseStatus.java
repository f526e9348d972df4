package io.kubeattest.image.vulndb;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the database holds.
 *
 * @param file the SQLite file
 * @param schemaVersion the schema version written in the file
 * @param records the number of OSV records stored
 * @param recordsPerEcosystem OSV ecosystem name (without release, e.g. {@code Debian}) to the
 *     number of records naming a package of it, sorted by name; a record may count under several
 * @param newestRecord the latest {@code modified} time of any record, or null when empty
 * @param lastImport the most recent import or update, or null when there was none
 */
public record DatabaseStatus(
    Path file,
    int schemaVersion,
    long records,
    Map<String, Long> recordsPerEcosystem,
    @Nullable Instant newestRecord,
    @Nullable ImportRecord lastImport) {
  public DatabaseStatus {
    recordsPerEcosystem = Collections.unmodifiableMap(new LinkedHashMap<>(recordsPerEcosystem));
  }

  /** The time since the last import or update, empty when there was none. */
  public Optional<Duration> age(Instant now) {
    return lastImport == null
        ? Optional.empty()
        : Optional.of(Duration.between(lastImport.finishedAt(), now));
  }
}
