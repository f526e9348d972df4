package io.kubeattest.engine.frameworks;

import java.util.List;

/**
 * One control's verdict in a scan, with the rules that evidence it and the number of their findings
 * that passed and failed.
 */
public record ControlResult(
    Control control,
    EvidenceKind evidence,
    List<String> rules,
    ControlStatus status,
    int passedFindings,
    int failedFindings) {
  public ControlResult {
    rules = List.copyOf(rules);
  }
}
