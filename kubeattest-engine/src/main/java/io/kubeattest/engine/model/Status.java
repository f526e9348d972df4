package io.kubeattest.engine.model;

/** The verdict of one rule on one subject. */
public enum Status {
  /** The subject satisfies the rule. */
  PASS,
  /** The subject breaks the rule. */
  FAIL,
  /** A person has to look: the rule cannot decide alone. */
  WARN,
  /** Information only; never a failure. */
  INFO,
  /** The rule did not run on this subject; the finding says why. */
  SKIP,
  /** The rule could not be evaluated on this subject; the finding carries the error. */
  ERROR,
  /** The subject breaks the rule, but an exemption with a reason covers it. */
  EXEMPT
}
