package io.kubeattest.image.cvss;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A computed score (one decimal, 0.0 to 10.0) of a vector, with its version: the base score for v2
 * and v3, the score of the metric groups the vector carries for v4.0 (see {@link CvssCalculator}).
 */
public record CvssScore(CvssVersion version, String vector, BigDecimal baseScore) {
  public CvssScore {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(baseScore, "baseScore");
    if (baseScore.signum() < 0 || baseScore.compareTo(BigDecimal.TEN) > 0) {
      throw new IllegalArgumentException("CVSS base score out of range: " + baseScore);
    }
  }

  /** The qualitative rating of the base score. */
  public SeverityRating rating() {
    return SeverityRating.of(version, baseScore);
  }
}
