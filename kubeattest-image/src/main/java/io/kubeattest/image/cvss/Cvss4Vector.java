package io.kubeattest.image.cvss;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated CVSS v4.0 vector: every base metric once, optional threat, environmental and
 * supplemental metrics once each, each with a value the specification defines for it. Metrics may
 * come in any order. Immutable.
 */
final class Cvss4Vector {
  static final String PREFIX = "CVSS:4.0/";

  private static final Map<String, Set<String>> BASE =
      legal(
          "AV:N,A,L,P AC:L,H AT:N,P PR:N,L,H UI:N,P,A VC:H,L,N VI:H,L,N VA:H,L,N"
              + " SC:H,L,N SI:H,L,N SA:H,L,N");
  private static final Map<String, Set<String>> OPTIONAL =
      legal(
          // threat
          "E:X,A,P,U"
              // environmental: security requirements and modified base metrics
              + " CR:X,H,M,L IR:X,H,M,L AR:X,H,M,L MAV:X,N,A,L,P MAC:X,L,H MAT:X,N,P"
              + " MPR:X,N,L,H MUI:X,N,P,A MVC:X,H,L,N MVI:X,H,L,N MVA:X,H,L,N MSC:X,H,L,N"
              + " MSI:X,S,H,L,N MSA:X,S,H,L,N"
              // supplemental
              + " S:X,N,P AU:X,N,Y R:X,A,U,I V:X,D,C RE:X,L,M,H U:X,Clear,Green,Amber,Red");
  private static final List<String> SCORED = List.of("E", "CR", "IR", "AR");

  private final Map<String, String> effective;

  private Cvss4Vector(Map<String, String> effective) {
    this.effective = effective;
  }

  /**
   * Parses {@code vector}, which starts with {@link #PREFIX}.
   *
   * @throws CvssFormatException naming the vector and the first problem found
   */
  static Cvss4Vector parse(String vector) {
    String body = vector.strip().substring(PREFIX.length());
    Map<String, String> metrics =
        CvssCalculator.metrics(vector, body, List.copyOf(BASE.keySet()), OPTIONAL.keySet());
    for (Map.Entry<String, String> metric : metrics.entrySet()) {
      Set<String> legal = BASE.getOrDefault(metric.getKey(), OPTIONAL.get(metric.getKey()));
      if (legal == null || !legal.contains(metric.getValue())) {
        throw new CvssFormatException(
            vector, "metric '" + metric.getKey() + "' has no value '" + metric.getValue() + "'");
      }
    }
    Map<String, String> effective = new HashMap<>();
    for (String metric : BASE.keySet()) {
      String modified = metrics.getOrDefault("M" + metric, "X");
      effective.put(metric, modified.equals("X") ? metrics.getOrDefault(metric, "") : modified);
    }
    for (String metric : SCORED) {
      String value = metrics.getOrDefault(metric, "X");
      effective.put(metric, !value.equals("X") ? value : metric.equals("E") ? "A" : "H");
    }
    return new Cvss4Vector(Map.copyOf(effective));
  }

  /**
   * The value scoring uses for {@code metric} (a base metric, {@code E}, {@code CR}, {@code IR} or
   * {@code AR}): the modified metric where the vector sets one, else the base value; an absent or
   * {@code X} exploit maturity counts as {@code A} (attacked) and an absent or {@code X} security
   * requirement as {@code H} (high), the worst case, as the specification says.
   */
  String effective(String metric) {
    return effective.getOrDefault(metric, "");
  }

  /** Metric to legal values, from "METRIC:VALUE,VALUE ..." separated by spaces. */
  private static Map<String, Set<String>> legal(String spec) {
    Map<String, Set<String>> legal = new LinkedHashMap<>();
    for (String metric : spec.split(" ", -1)) {
      int colon = metric.indexOf(':');
      legal.put(metric.substring(0, colon), Set.of(metric.substring(colon + 1).split(",", -1)));
    }
    return legal;
  }
}
