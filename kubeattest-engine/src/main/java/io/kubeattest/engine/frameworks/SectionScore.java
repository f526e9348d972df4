package io.kubeattest.engine.frameworks;

import java.util.List;

/** The controls of one section with their verdicts and tally. */
public record SectionScore(Section section, List<ControlResult> controls, Tally tally) {
  public SectionScore {
    controls = List.copyOf(controls);
  }
}
