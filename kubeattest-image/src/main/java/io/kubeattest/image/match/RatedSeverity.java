package io.kubeattest.image.match;

import io.kubeattest.engine.model.Severity;
import java.util.Objects;

/**
 * A vulnerability's severity and where it came from.
 *
 * @param severity the severity findings carry
 * @param basis one phrase a person reads: {@code CVSS 3.1 base score 7.5 (CVSS:3.1/...)}, {@code
 *     Debian urgency: medium}, or {@code not rated}
 * @param rated false when no source rated the vulnerability and the fallback was used
 */
public record RatedSeverity(Severity severity, String basis, boolean rated) {
  public RatedSeverity {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(basis, "basis");
  }
}
