package io.kubeattest.engine.frameworks;

/**
 * The verdict on one control in one scan. CIS-style reports count {@link #PASSED} as PASS, {@link
 * #FAILED} as FAIL, {@link #MANUAL} as WARN and {@link #NOT_EVALUATED} as INFO.
 */
public enum ControlStatus {
  /** Every finding of its rules passed (at least one did). */
  PASSED,
  /** A finding of one of its rules failed (or could not be evaluated). */
  FAILED,
  /** A person has to decide: a manual control, or a rule that answered WARN. */
  MANUAL,
  /** No evidence in this scan: no rule covers it, or its rules had no subject to look at. */
  NOT_EVALUATED;

  /** The CIS-style label: PASS, FAIL, WARN or INFO. */
  public String cisLabel() {
    return switch (this) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case MANUAL -> "WARN";
      case NOT_EVALUATED -> "INFO";
    };
  }
}
