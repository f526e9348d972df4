package io.kubeattest.image.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CVSS v4.0 scoring as the specification defines it (its section "CVSS v4.0 Scoring"). The six
 * equivalence sets group the vector into a macro vector, whose score comes from {@link
 * Cvss4Tables#SCORES}. Within the macro vector the score is lowered by interpolation: for each
 * equivalence set that has a next lower macro vector, the score gap to it times the vector's
 * severity distance within the set ({@link EquivalenceSet#steps}) divided by the depth of the set's
 * level; the mean of those terms (each set with a lower macro vector counts, EQ5 always with a term
 * of 0) is subtracted, and the result is rounded half up to one decimal.
 *
 * <p>The arithmetic is exact: scores are whole tenths and every term a fraction over the common
 * denominator {@link #DEPTHS_LCM} times the number of terms, so an exact tie such as 8.55 rounds up
 * instead of falling to a binary floating-point error as it does in naive implementations.
 */
final class Cvss4Scorer {
  /** The least common multiple of all depths (1, 2, 4, 5, 6, 7, 8, 10). */
  static final long DEPTHS_LCM = 840;

  private static final List<String> IMPACT = List.of("VC", "VI", "VA", "SC", "SI", "SA");

  private Cvss4Scorer() {}

  /** The score, 0.0 to 10.0 with one decimal. */
  static BigDecimal score(Cvss4Vector v) {
    Fraction tenths = tenths(v);
    long rounded = (2 * tenths.numerator() + tenths.denominator()) / (2 * tenths.denominator());
    return BigDecimal.valueOf(rounded, 1);
  }

  /** The score before rounding, to ten decimals. */
  static BigDecimal unrounded(Cvss4Vector v) {
    Fraction tenths = tenths(v);
    return BigDecimal.valueOf(tenths.numerator())
        .divide(BigDecimal.valueOf(tenths.denominator()), 10, RoundingMode.HALF_UP)
        .movePointLeft(1);
  }

  /** The score in tenths, 0 to 100, as an exact fraction. */
  private static Fraction tenths(Cvss4Vector v) {
    if (IMPACT.stream().allMatch(m -> v.effective(m).equals("N"))) {
      return new Fraction(0, 1);
    }
    MacroVector macro = MacroVector.of(v);
    long value = tenths(Cvss4Tables.SCORES.get(macro.toString()), macro);
    long lowered = 0;
    int counted = 0;
    for (EquivalenceSet set : EquivalenceSet.values()) {
      BigDecimal lower = set.lowerScore(macro);
      if (lower != null) {
        counted++;
        long gap = value - tenths(lower, macro);
        lowered += gap * set.steps(v, macro) * (DEPTHS_LCM / set.depth(macro));
      }
    }
    long denominator = DEPTHS_LCM * Math.max(counted, 1);
    long numerator = value * denominator - lowered;
    return new Fraction(Math.min(Math.max(numerator, 0), 100 * denominator), denominator);
  }

  private static long tenths(@Nullable BigDecimal score, MacroVector m) {
    if (score == null) {
      throw new IllegalStateException("no score for CVSS v4.0 macro vector " + m);
    }
    return score.movePointRight(1).longValueExact();
  }

  private record Fraction(long numerator, long denominator) {}
}
