package io.kubeattest.image.vulndb;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished import into the database.
 *
 * @param kind {@code import} (files the user gave) or {@code update} (downloaded archives)
 * @param source what was read: the paths or URLs, comma-separated
 * @param finishedAt when the import committed
 * @param stored records inserted or replaced by a newer version
 * @param unchanged records already present with the same or a newer {@code modified} time
 * @param failed files or archive entries that could not be read, skipped with a warning
 */
public record ImportRecord(
    String kind, String source, Instant finishedAt, long stored, long unchanged, long failed) {
  public ImportRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }
}
