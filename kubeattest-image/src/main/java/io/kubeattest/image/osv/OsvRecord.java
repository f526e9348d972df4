package io.kubeattest.image.osv;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One OSV vulnerability record (OSV schema 1.x). {@code id} is required; lists are empty and
 * strings empty when the document leaves them out; timestamps are null when absent. A record with a
 * {@code withdrawn} time should no longer be reported.
 */
public record OsvRecord(
    String id,
    List<String> aliases,
    List<String> related,
    @Nullable Instant modified,
    @Nullable Instant published,
    @Nullable Instant withdrawn,
    String summary,
    String details,
    List<Severity> severity,
    List<Affected> affected,
    List<Reference> references,
    Map<String, Object> databaseSpecific) {
  public OsvRecord {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("OSV id is blank");
    }
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(details, "details");
    severity = List.copyOf(severity);
    affected = List.copyOf(affected);
    references = List.copyOf(references);
    databaseSpecific = Map.copyOf(databaseSpecific);
  }

  /** True if the record has been withdrawn and should not produce findings. */
  public boolean isWithdrawn() {
    return withdrawn != null;
  }
}
