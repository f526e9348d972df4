package io.kubeattest.report;

import io.kubeattest.engine.frameworks.ControlResult;
import io.kubeattest.engine.frameworks.ControlStatus;
import io.kubeattest.engine.frameworks.EvidenceKind;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.frameworks.SectionScore;
import io.kubeattest.engine.frameworks.Tally;
import io.kubeattest.engine.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The control view on the terminal: per framework its score and counts, then per section its tally
 * and one row per control (status, id, title, evidence), then the findings summary line.
 */
public final class FrameworkTableReporter implements Reporter {
  private final List<FrameworkScore> scores;
  private final boolean color;

  public FrameworkTableReporter(List<FrameworkScore> scores, boolean color) {
    this.scores = List.copyOf(scores);
    this.color = color;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    for (FrameworkScore score : scores) {
      Tally total = score.total();
      out.write(
          bold(
              score.framework().title()
                  + " "
                  + score.framework().version()
                  + " ("
                  + score.framework().id()
                  + "): score "
                  + total.scoreText()));
      out.write('\n');
      out.write("  " + tally(total) + '\n');
      if (score.framework().isCis()) {
        out.write(
            "  CIS counts: PASS "
                + total.passed()
                + ", FAIL "
                + total.failed()
                + ", WARN "
                + total.manual()
                + ", INFO "
                + total.notEvaluated()
                + '\n');
      }
      int idWidth =
          score.controls().stream().mapToInt(c -> c.control().id().length()).max().orElse(4);
      for (SectionScore section : score.sections()) {
        out.write('\n');
        out.write(
            "  "
                + bold(section.section().id() + " " + section.section().title())
                + "  score "
                + section.tally().scoreText()
                + " ("
                + tally(section.tally())
                + ")\n");
        for (ControlResult control : section.controls()) {
          out.write(
              "    "
                  + paint(control.status(), pad(label(control.status()), 8))
                  + " "
                  + pad(control.control().id(), idWidth)
                  + "  "
                  + control.control().title()
                  + "  ["
                  + evidence(control)
                  + "]\n");
        }
      }
      out.write('\n');
    }
    out.write(TableReporter.summary(result));
    out.write('\n');
    out.flush();
  }

  static String label(ControlStatus status) {
    return switch (status) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case MANUAL -> "MANUAL";
      case NOT_EVALUATED -> "NOT-EVAL";
    };
  }

  /** {@code automated: rule-a, rule-b (2 failed)}, {@code manual} or {@code not covered}. */
  static String evidence(ControlResult control) {
    if (control.evidence() == EvidenceKind.AUTOMATED) {
      String counts =
          control.failedFindings() > 0
              ? ", " + control.failedFindings() + " failed"
              : control.passedFindings() > 0 ? ", " + control.passedFindings() + " passed" : "";
      return "automated: " + String.join(", ", control.rules()) + counts;
    }
    return control.evidence() == EvidenceKind.MANUAL ? "manual" : "not covered";
  }

  static String tally(Tally tally) {
    return tally.passed()
        + " passed, "
        + tally.failed()
        + " failed, "
        + tally.manual()
        + " manual, "
        + tally.notEvaluated()
        + " not evaluated";
  }

  private String bold(String text) {
    return color ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  private String paint(ControlStatus status, String text) {
    if (!color) {
      return text;
    }
    String code =
        switch (status) {
          case PASSED -> "32";
          case FAILED -> "31";
          case MANUAL -> "33";
          case NOT_EVALUATED -> "36";
        };
    return "\u001b[" + code + "m" + text + "\u001b[0m";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
