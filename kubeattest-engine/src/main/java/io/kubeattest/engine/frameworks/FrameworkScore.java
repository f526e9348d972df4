package io.kubeattest.engine.frameworks;

import java.util.List;

/**
 * A framework's verdict in one scan: per section and in total, with the coverage (and so the gap
 * analysis) it was computed from.
 */
public record FrameworkScore(
    Framework framework, FrameworkCoverage coverage, List<SectionScore> sections, Tally total) {
  public FrameworkScore {
    sections = List.copyOf(sections);
  }

  /** Every control result, section by section. */
  public List<ControlResult> controls() {
    return sections.stream().flatMap(s -> s.controls().stream()).toList();
  }
}
