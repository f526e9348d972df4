package io.kubeattest.engine.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One scan: its metadata, the number of objects examined, every finding, and notes on inputs that
 * were skipped or could not be read.
 */
public record ScanResult(
    ScanMetadata metadata, int objectCount, List<Finding> findings, List<InputNote> notes) {
  public ScanResult {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** Number of findings per status; every status is present. */
  public Map<Status, Integer> countByStatus() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
    return counts;
  }

  /** Number of failing findings per severity; every severity is present. */
  public Map<Severity, Integer> failuresBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    findings.stream()
        .filter(f -> f.status() == Status.FAIL)
        .forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  /** True when some input could not be read. */
  public boolean hasInputErrors() {
    return notes.stream().anyMatch(n -> n.kind() == InputNote.Kind.ERROR);
  }
}
