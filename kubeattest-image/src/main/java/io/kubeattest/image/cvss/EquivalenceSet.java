package io.kubeattest.image.cvss;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dimensions along which CVSS v4.0 interpolates within a macro vector: EQ1, EQ2, EQ3 and EQ6
 * together, EQ4 and EQ5, each summing the severity distances of its own metrics.
 */
enum EquivalenceSet {
  EQ1,
  EQ2,
  EQ3_EQ6,
  EQ4,
  /** Exploit maturity: has a lower macro vector but no severity distance, so its term is 0. */
  EQ5;

  /** Severity order of each metric's values, most severe first; a step is 0.1 in the spec. */
  private static final Map<String, String> ORDER =
      order(
          "AV:NALP PR:NLH UI:NPA AC:LH AT:NP VC:HLN VI:HLN VA:HLN SC:HLN SI:SHLN SA:SHLN"
              + " CR:HML IR:HML AR:HML");

  /**
   * The severity distance of {@code v} within this set, in steps: summed over the set's metrics,
   * how far {@code v} lies below the first highest-severity vector of its level that it exceeds in
   * no metric. (The specification's calculator tries combinations of all sets' highest-severity
   * vectors, EQ1 varying slowest, and takes the first that {@code v} does not exceed; the sets'
   * metrics are disjoint, so that combination is the first such vector of each set, as here.) EQ5
   * has none: 0.
   */
  int steps(Cvss4Vector v, MacroVector m) {
    if (this == EQ5) {
      return 0;
    }
    for (String maximum : maxima(m)) {
      int steps = 0;
      for (String part : maximum.split("/", -1)) {
        int colon = part.indexOf(':');
        String metric = part.substring(0, colon);
        String order = ORDER.getOrDefault(metric, "");
        int below = order.indexOf(v.effective(metric)) - order.indexOf(part.substring(colon + 1));
        if (below < 0) {
          steps = -1;
          break;
        }
        steps += below;
      }
      if (steps >= 0) {
        return steps;
      }
    }
    throw new IllegalStateException("no highest-severity vector in " + this + " of " + m);
  }

  private List<String> maxima(MacroVector m) {
    return switch (this) {
      case EQ1 -> Cvss4Tables.EQ1_MAXIMA.get(m.eq1());
      case EQ2 -> Cvss4Tables.EQ2_MAXIMA.get(m.eq2());
      case EQ3_EQ6 -> Cvss4Tables.EQ3_EQ6_MAXIMA.getOrDefault(m.eq3eq6(), List.of());
      case EQ4 -> Cvss4Tables.EQ4_MAXIMA.get(m.eq4());
      case EQ5 -> List.of();
    };
  }

  /**
   * The score of the next lower macro vector along this set, or null where there is none. From EQ3
   * and EQ6 levels 00 there are two, 01 and 10, and the higher score counts; 01 and 10 lead to 11,
   * 11 to 21, and 21 is the lowest.
   */
  @Nullable BigDecimal lowerScore(MacroVector m) {
    return switch (this) {
      case EQ1 -> score(new MacroVector(m.eq1() + 1, m.eq2(), m.eq3(), m.eq4(), m.eq5(), m.eq6()));
      case EQ2 -> score(new MacroVector(m.eq1(), m.eq2() + 1, m.eq3(), m.eq4(), m.eq5(), m.eq6()));
      case EQ3_EQ6 -> eq3eq6Lower(m);
      case EQ4 -> score(new MacroVector(m.eq1(), m.eq2(), m.eq3(), m.eq4() + 1, m.eq5(), m.eq6()));
      case EQ5 -> score(new MacroVector(m.eq1(), m.eq2(), m.eq3(), m.eq4(), m.eq5() + 1, m.eq6()));
    };
  }

  /** The depth of the macro vector's level in this set, in steps of 0.1; EQ5 has none. */
  int depth(MacroVector m) {
    return switch (this) {
      case EQ1 -> Cvss4Tables.EQ1_DEPTH.get(m.eq1());
      case EQ2 -> Cvss4Tables.EQ2_DEPTH.get(m.eq2());
      case EQ3_EQ6 -> Cvss4Tables.EQ3_EQ6_DEPTH.getOrDefault(m.eq3eq6(), 1);
      case EQ4 -> Cvss4Tables.EQ4_DEPTH.get(m.eq4());
      case EQ5 -> 1;
    };
  }

  private static @Nullable BigDecimal eq3eq6Lower(MacroVector m) {
    if (m.eq3() == 0 && m.eq6() == 0) {
      BigDecimal eq6Lower = score(withEq3Eq6(m, 0, 1));
      BigDecimal eq3Lower = score(withEq3Eq6(m, 1, 0));
      if (eq6Lower == null || eq3Lower == null) {
        return eq6Lower == null ? eq3Lower : eq6Lower;
      }
      return eq6Lower.max(eq3Lower);
    }
    if (m.eq3() == 2) {
      return null;
    }
    return m.eq6() == 0 ? score(withEq3Eq6(m, m.eq3(), 1)) : score(withEq3Eq6(m, m.eq3() + 1, 1));
  }

  private static MacroVector withEq3Eq6(MacroVector m, int eq3, int eq6) {
    return new MacroVector(m.eq1(), m.eq2(), eq3, m.eq4(), m.eq5(), eq6);
  }

  private static @Nullable BigDecimal score(MacroVector m) {
    return Cvss4Tables.SCORES.get(m.toString());
  }

  private static Map<String, String> order(String spec) {
    Map<String, String> order = new HashMap<>();
    for (String metric : spec.split(" ", -1)) {
      order.put(
          metric.substring(0, metric.indexOf(':')), metric.substring(metric.indexOf(':') + 1));
    }
    return Map.copyOf(order);
  }
}
