package io.kubeattest.image.cvss;

/**
 * The levels of a CVSS v4.0 vector in the specification's six equivalence sets, each 0 for the most
 * severe level:
 *
 * <ul>
 *   <li>EQ1: 0 if AV:N, PR:N and UI:N; 1 if one or two of them hold and not AV:P; else 2;
 *   <li>EQ2: 0 if AC:L and AT:N; else 1;
 *   <li>EQ3: 0 if VC:H and VI:H; 1 if one of VC, VI, VA is H; else 2;
 *   <li>EQ4: 0 if MSI:S or MSA:S; 1 if one of SC, SI, SA is H; else 2;
 *   <li>EQ5: 0, 1, 2 for E:A (or not defined), E:P, E:U;
 *   <li>EQ6: 0 if VC:H with CR:H, VI:H with IR:H or VA:H with AR:H; else 1.
 * </ul>
 *
 * Modified environmental metrics replace the base metrics they modify.
 */
record MacroVector(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
  static MacroVector of(Cvss4Vector v) {
    int network = count(v, "AV", "N") + count(v, "PR", "N") + count(v, "UI", "N");
    int eq1 = network == 3 ? 0 : (network > 0 && !is(v, "AV", "P")) ? 1 : 2;
    int eq2 = is(v, "AC", "L") && is(v, "AT", "N") ? 0 : 1;
    int vulnerableHigh = count(v, "VC", "H") + count(v, "VI", "H") + count(v, "VA", "H");
    int eq3 = is(v, "VC", "H") && is(v, "VI", "H") ? 0 : vulnerableHigh > 0 ? 1 : 2;
    int subsequentHigh = count(v, "SC", "H") + count(v, "SI", "H") + count(v, "SA", "H");
    int eq4 = is(v, "SI", "S") || is(v, "SA", "S") ? 0 : subsequentHigh > 0 ? 1 : 2;
    int eq5 = "APU".indexOf(v.effective("E"));
    boolean required =
        (is(v, "VC", "H") && is(v, "CR", "H"))
            || (is(v, "VI", "H") && is(v, "IR", "H"))
            || (is(v, "VA", "H") && is(v, "AR", "H"));
    return new MacroVector(eq1, eq2, eq3, eq4, eq5, required ? 0 : 1);
  }

  /** The EQ3 and EQ6 levels together, which the tables key as one ("00" to "21"). */
  String eq3eq6() {
    return "" + eq3 + eq6;
  }

  /** The six levels as digits, the key of {@link Cvss4Tables#SCORES}. */
  @Override
  public String toString() {
    return "" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6;
  }

  private static boolean is(Cvss4Vector v, String metric, String value) {
    return v.effective(metric).equals(value);
  }

  private static int count(Cvss4Vector v, String metric, String value) {
    return is(v, metric, value) ? 1 : 0;
  }
}
