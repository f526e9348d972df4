package io.kubeattest.engine.frameworks;

/** How a control is evidenced in a given rule catalogue. */
public enum EvidenceKind {
  /** One or more rules decide it. */
  AUTOMATED,
  /** No rule decides it; a person follows the control's procedure. */
  MANUAL,
  /** No rule and no manual procedure: kubeattest gives no evidence for it. */
  NOT_COVERED
}
