package io.kubeattest.engine.frameworks;

import java.util.List;
import java.util.OptionalDouble;

/** Controls counted by status, for a section or a whole framework. */
public record Tally(int passed, int failed, int manual, int notEvaluated) {

  /** Counts the statuses of {@code results}. */
  public static Tally of(List<ControlResult> results) {
    java.util.Map<ControlStatus, Integer> counts = new java.util.EnumMap<>(ControlStatus.class);
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return new Tally(
        counts.getOrDefault(ControlStatus.PASSED, 0),
        counts.getOrDefault(ControlStatus.FAILED, 0),
        counts.getOrDefault(ControlStatus.MANUAL, 0),
        counts.getOrDefault(ControlStatus.NOT_EVALUATED, 0));
  }

  public int total() {
    return passed + failed + manual + notEvaluated;
  }

  /**
   * The share of decided controls that passed, in percent rounded to one decimal: {@code 100 *
   * passed / (passed + failed)}. Empty when no control was decided.
   */
  public OptionalDouble score() {
    int decided = passed + failed;
    if (decided == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.round(1000.0 * passed / decided) / 10.0);
  }

  /** The score as text: {@code 87.5%}, or {@code n/a} when no control was decided. */
  public String scoreText() {
    OptionalDouble score = score();
    return score.isPresent() ? score.getAsDouble() + "%" : "n/a";
  }
}
