package io.kubeattest.image.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes CVSS scores from vector strings:
 *
 * <ul>
 *   <li>{@code CVSS:4.0/...} with the v4.0 specification's scoring: the macro vector of the six
 *       equivalence sets, its score from the specification's table, lowered by interpolation on the
 *       vector's severity distance and rounded half up to one decimal. All eleven base metrics must
 *       appear exactly once; threat ({@code E}), environmental ({@code CR}, {@code IR}, {@code AR},
 *       {@code MAV} ... {@code MSA}) and supplemental metrics may appear once each, in any order.
 *       Threat and environmental metrics are applied as the specification says, so the result is
 *       the CVSS-B score of a base-only vector and the CVSS-BT, -BE or -BTE score otherwise;
 *       supplemental metrics never change it;
 *   <li>{@code CVSS:3.1/...} and {@code CVSS:3.0/...} with the v3 specification's base equations
 *       (v3.1's integer Roundup, v3.0's plain round-up);
 *   <li>v2 vectors ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}, optionally in parentheses or after {@code
 *       CVSS:2.0/}).
 * </ul>
 *
 * For v2 and v3, every base metric must appear exactly once and temporal and environmental metrics
 * are accepted and ignored (the result is the base score). Every metric's value must be one its
 * version defines. Stateless and thread-safe.
 */
public final class CvssCalculator {
  private static final List<String> V3_BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
  private static final Set<String> V3_OTHER =
      Set.of("E", "RL", "RC", "CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");
  private static final List<String> V2_BASE = List.of("AV", "AC", "Au", "C", "I", "A");
  private static final Set<String> V2_OTHER =
      Set.of("E", "RL", "RC", "CDP", "TD", "CR", "IR", "AR");

  /**
   * The score of a CVSS v2, v3.0, v3.1 or v4.0 vector: the base score, except that a v4.0 vector's
   * threat and environmental metrics count (see the class documentation).
   *
   * @throws CvssFormatException naming the vector if it is not a complete, valid vector of a
   *     supported version
   */
  public CvssScore baseScore(String vector) {
    String v = vector.strip();
    if (v.startsWith(Cvss4Vector.PREFIX)) {
      return new CvssScore(CvssVersion.V4_0, vector, Cvss4Scorer.score(Cvss4Vector.parse(vector)));
    }
    if (v.startsWith("CVSS:3.1/")) {
      return v3(vector, CvssVersion.V3_1, metrics(vector, v.substring(9), V3_BASE, V3_OTHER));
    }
    if (v.startsWith("CVSS:3.0/")) {
      return v3(vector, CvssVersion.V3_0, metrics(vector, v.substring(9), V3_BASE, V3_OTHER));
    }
    if (v.startsWith("CVSS:")) {
      int slash = v.indexOf('/');
      if (slash < 0) {
        throw new CvssFormatException(vector, "expected metrics after '" + v + "/'");
      }
      String version = v.substring(5, slash);
      if (!version.equals("2.0")) {
        throw new CvssFormatException(vector, "CVSS version " + version + " is not supported");
      }
      v = v.substring(slash + 1);
    }
    if (v.startsWith("(") && v.endsWith(")")) {
      v = v.substring(1, v.length() - 1);
    }
    return v2(vector, metrics(vector, v, V2_BASE, V2_OTHER));
  }

  /**
   * The {@code METRIC:VALUE} pairs of {@code body}, checked for form, unknown and repeated metrics
   * and missing base metrics; the values are not checked.
   */
  static Map<String, String> metrics(
      String vector, String body, List<String> base, Set<String> other) {
    Map<String, String> values = new HashMap<>();
    for (String part : body.split("/", -1)) {
      int colon = part.indexOf(':');
      if (colon <= 0 || colon == part.length() - 1) {
        throw new CvssFormatException(vector, "expected METRIC:VALUE, got '" + part + "'");
      }
      String key = part.substring(0, colon);
      if (!base.contains(key) && !other.contains(key)) {
        throw new CvssFormatException(vector, "unknown metric '" + key + "'");
      }
      if (values.put(key, part.substring(colon + 1)) != null) {
        throw new CvssFormatException(vector, "metric '" + key + "' appears twice");
      }
    }
    for (String key : base) {
      if (!values.containsKey(key)) {
        throw new CvssFormatException(vector, "base metric '" + key + "' is missing");
      }
    }
    return values;
  }

  private static double weight(String vector, Map<String, String> m, String key, String... table) {
    String value = m.get(key);
    for (int i = 0; i < table.length; i += 2) {
      if (table[i].equals(value)) {
        return Double.parseDouble(table[i + 1]);
      }
    }
    throw new CvssFormatException(vector, "metric '" + key + "' has no value '" + value + "'");
  }

  private static CvssScore v3(String vector, CvssVersion version, Map<String, String> m) {
    boolean changed = weight(vector, m, "S", "U", "0", "C", "1") == 1;
    double av = weight(vector, m, "AV", "N", "0.85", "A", "0.62", "L", "0.55", "P", "0.2");
    double ac = weight(vector, m, "AC", "L", "0.77", "H", "0.44");
    double pr =
        changed
            ? weight(vector, m, "PR", "N", "0.85", "L", "0.68", "H", "0.5")
            : weight(vector, m, "PR", "N", "0.85", "L", "0.62", "H", "0.27");
    double ui = weight(vector, m, "UI", "N", "0.85", "R", "0.62");
    double c = weight(vector, m, "C", "H", "0.56", "L", "0.22", "N", "0");
    double i = weight(vector, m, "I", "H", "0.56", "L", "0.22", "N", "0");
    double a = weight(vector, m, "A", "H", "0.56", "L", "0.22", "N", "0");

    double iss = 1 - (1 - c) * (1 - i) * (1 - a);
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    double score;
    if (impact <= 0) {
      score = 0;
    } else if (changed) {
      score = roundUp(version, Math.min(1.08 * (impact + exploitability), 10));
    } else {
      score = roundUp(version, Math.min(impact + exploitability, 10));
    }
    return new CvssScore(
        version, vector, BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP));
  }

  /** The smallest number with one decimal that is at least {@code x}, as each version defines. */
  static double roundUp(CvssVersion version, double x) {
    if (version == CvssVersion.V3_0) {
      return Math.ceil(x * 10) / 10.0;
    }
    long scaled = Math.round(x * 100000);
    if (scaled % 10000 == 0) {
      return scaled / 100000.0;
    }
    return (Math.floor(scaled / 10000.0) + 1) / 10.0;
  }

  private static CvssScore v2(String vector, Map<String, String> m) {
    double av = weight(vector, m, "AV", "L", "0.395", "A", "0.646", "N", "1.0");
    double ac = weight(vector, m, "AC", "H", "0.35", "M", "0.61", "L", "0.71");
    double au = weight(vector, m, "Au", "M", "0.45", "S", "0.56", "N", "0.704");
    double c = weight(vector, m, "C", "N", "0", "P", "0.275", "C", "0.660");
    double i = weight(vector, m, "I", "N", "0", "P", "0.275", "C", "0.660");
    double a = weight(vector, m, "A", "N", "0", "P", "0.275", "C", "0.660");

    double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
    double exploitability = 20 * av * ac * au;
    double f = impact == 0 ? 0 : 1.176;
    double score = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
    double rounded = Math.round(Math.max(score, 0) * 10) / 10.0;
    return new CvssScore(
        CvssVersion.V2, vector, BigDecimal.valueOf(rounded).setScale(1, RoundingMode.HALF_UP));
  }
}
