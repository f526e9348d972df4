package io.kubeattest.image.cvss;

import java.math.BigDecimal;

/**
 * Qualitative severity of a score. CVSS v3 (specification, section 5) and v4.0 (its qualitative
 * severity rating scale, the same bands): 0.0 none, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high,
 * 9.0-10.0 critical. CVSS v2 has no official rating; NVD's is used: 0.0-3.9 low, 4.0-6.9 medium,
 * 7.0-10.0 high.
 */
public enum SeverityRating {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  private static final BigDecimal FOUR = new BigDecimal("4.0");
  private static final BigDecimal SEVEN = new BigDecimal("7.0");
  private static final BigDecimal NINE = new BigDecimal("9.0");

  /** The rating of a base score of the given CVSS version. */
  public static SeverityRating of(CvssVersion version, BigDecimal score) {
    if (version == CvssVersion.V2) {
      return score.compareTo(FOUR) < 0 ? LOW : score.compareTo(SEVEN) < 0 ? MEDIUM : HIGH;
    }
    if (score.signum() == 0) {
      return NONE;
    }
    if (score.compareTo(FOUR) < 0) {
      return LOW;
    }
    if (score.compareTo(SEVEN) < 0) {
      return MEDIUM;
    }
    return score.compareTo(NINE) < 0 ? HIGH : CRITICAL;
  }
}
