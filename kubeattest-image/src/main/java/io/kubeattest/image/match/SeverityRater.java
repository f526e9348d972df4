package io.kubeattest.image.match;

import io.kubeattest.engine.model.Severity;
import io.kubeattest.image.cvss.CvssCalculator;
import io.kubeattest.image.cvss.CvssFormatException;
import io.kubeattest.image.cvss.CvssScore;
import io.kubeattest.image.osv.Affected;
import io.kubeattest.image.osv.AffectedPackage;
import io.kubeattest.image.osv.OsvRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rates a vulnerability for one affected package, first rule that applies:
 *
 * <ol>
 *   <li>a CVSS vector, the newest version present first: {@code CVSS_V4}, else {@code CVSS_V3},
 *       else {@code CVSS_V2}, each looked for in the {@code affected} entry's severity list and
 *       then the record's (so a record-level v4.0 vector wins over an entry-level v3.1 one). The
 *       score computed by {@link CvssCalculator} is rated on the CVSS scale (v4.0 and v3: none is
 *       {@code info}; v2: NVD's scale). Newest first because a source that scored a vulnerability
 *       with v4.0 as well as older versions did so last and with the most information, and because
 *       v4.0 scores the subsequent-system impact v3 folds into scope;
 *   <li>the distribution's or database's own rating: {@code ecosystem_specific.severity}, {@code
 *       database_specific.severity} (the entry's, then the record's), a non-CVSS severity entry
 *       (Ubuntu's priority), Debian's {@code ecosystem_specific.urgency}: critical; high or
 *       important; medium or moderate; low, minor, negligible or unimportant;
 *   <li>otherwise {@link #UNRATED}, marked as not rated.
 * </ol>
 *
 * Vectors that do not parse are passed over. Stateless and thread-safe.
 */
public final class SeverityRater {
  /** The severity of a vulnerability nobody rated. */
  public static final Severity UNRATED = Severity.LOW;

  private final CvssCalculator calculator = new CvssCalculator();

  /** The severity of {@code record} for the package of {@code affected}. */
  public RatedSeverity rate(OsvRecord record, Affected affected) {
    List<io.kubeattest.image.osv.Severity> entries = new ArrayList<>(affected.severity());
    entries.addAll(record.severity());
    for (String type : List.of("CVSS_V4", "CVSS_V3", "CVSS_V2")) {
      for (io.kubeattest.image.osv.Severity entry : entries) {
        if (entry.type().equalsIgnoreCase(type)) {
          Optional<RatedSeverity> rated = cvss(entry.score());
          if (rated.isPresent()) {
            return rated.get();
          }
        }
      }
    }
    String origin = origin(affected.pkg());
    List<Candidate> candidates = new ArrayList<>();
    candidates.add(
        new Candidate(affected.ecosystemSpecific().get("severity"), origin + " severity"));
    candidates.add(
        new Candidate(affected.databaseSpecific().get("severity"), origin + " severity"));
    candidates.add(new Candidate(record.databaseSpecific().get("severity"), origin + " severity"));
    for (io.kubeattest.image.osv.Severity entry : entries) {
      if (!entry.type().toUpperCase(Locale.ROOT).startsWith("CVSS")) {
        candidates.add(new Candidate(entry.score(), entry.type() + " priority"));
      }
    }
    candidates.add(new Candidate(affected.ecosystemSpecific().get("urgency"), origin + " urgency"));
    for (Candidate candidate : candidates) {
      if (candidate.value() instanceof String text) {
        Severity severity = fromWord(text);
        if (severity != null) {
          return new RatedSeverity(severity, candidate.label() + ": " + text.strip(), true);
        }
      }
    }
    return new RatedSeverity(UNRATED, "not rated", false);
  }

  private Optional<RatedSeverity> cvss(String vector) {
    try {
      CvssScore score = calculator.baseScore(vector);
      Severity severity =
          switch (score.rating()) {
            case CRITICAL -> Severity.CRITICAL;
            case HIGH -> Severity.HIGH;
            case MEDIUM -> Severity.MEDIUM;
            case LOW -> Severity.LOW;
            case NONE -> Severity.INFO;
          };
      // a v4.0 vector's threat and environmental metrics count, so its score need not be a base
      // score; the vector in the basis shows which metric groups it carries
      String kind =
          switch (score.version()) {
            case V2 -> "2.0 base score";
            case V3_0 -> "3.0 base score";
            case V3_1 -> "3.1 base score";
            case V4_0 -> "4.0 score";
          };
      return Optional.of(
          new RatedSeverity(
              severity,
              "CVSS " + kind + " " + score.baseScore() + " (" + vector.strip() + ")",
              true));
    } catch (CvssFormatException e) {
      return Optional.empty();
    }
  }

  private static String origin(@Nullable AffectedPackage pkg) {
    if (pkg == null) {
      return "advisory";
    }
    String ecosystem = pkg.ecosystem();
    int colon = ecosystem.indexOf(':');
    return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
  }

  /** A distribution's word for a severity; null for words that say nothing (unknown, n/a). */
  static @Nullable Severity fromWord(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT);
    while (w.endsWith("*")) {
      w = w.substring(0, w.length() - 1);
    }
    return switch (w) {
      case "critical" -> Severity.CRITICAL;
      case "high", "important" -> Severity.HIGH;
      case "medium", "moderate" -> Severity.MEDIUM;
      case "low", "minor", "negligible", "unimportant" -> Severity.LOW;
      default -> null;
    };
  }

  private record Candidate(@Nullable Object value, String label) {}
}
