package io.kubeattest.image.osv;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A package version found affected by a record: the record, the {@code affected} entry that
 * matched, and the fixed version to show (the smallest {@code fixed} event above the installed
 * version, if any).
 */
public record AffectedMatch(OsvRecord record, Affected affected, @Nullable String fixedVersion) {
  public AffectedMatch {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(affected, "affected");
  }

  /** The version that fixes the vulnerability, when the record names one above the installed. */
  public Optional<String> fixed() {
    return Optional.ofNullable(fixedVersion);
  }
}
