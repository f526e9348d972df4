package io.kubeattest.report;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The terminal report: findings grouped by object with {@code file:line}, one row per finding
 * (status, severity, rule, line, message), and a closing one-line summary. PASS rows appear only
 * when asked for. ANSI colours only when asked for (the CLI decides: a terminal, no {@code
 * NO_COLOR}).
 */
public final class TableReporter implements Reporter {
  private final boolean color;
  private final Set<Status> shown;

  /**
   * @param color whether to use ANSI colours
   * @param showPassed whether PASS rows are listed (they are always counted)
   */
  public TableReporter(boolean color, boolean showPassed) {
    this.color = color;
    this.shown =
        showPassed
            ? Set.of(Status.values())
            : Set.of(
                Status.FAIL, Status.WARN, Status.ERROR, Status.INFO, Status.SKIP, Status.EXEMPT);
  }

  /** Within an object: errors first, then failures by severity, then the rest; then rule id. */
  private static final java.util.Comparator<Finding> ROW_ORDER =
      java.util.Comparator.comparing((Finding f) -> rank(f.status()))
          .thenComparing(Finding::severity)
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.subject().id());

  private static int rank(Status status) {
    return switch (status) {
      case ERROR -> 0;
      case FAIL -> 1;
      case WARN -> 2;
      case INFO, SKIP, EXEMPT -> 3;
      case PASS -> 4;
    };
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, List<Finding>> byObject = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      if (shown.contains(finding.status())) {
        byObject.computeIfAbsent(objectKey(finding), k -> new java.util.ArrayList<>()).add(finding);
      }
    }
    int ruleWidth =
        result.findings().stream()
            .filter(f -> shown.contains(f.status()))
            .mapToInt(f -> f.ruleId().length())
            .max()
            .orElse(10);
    for (List<Finding> findings : byObject.values()) {
      findings.sort(ROW_ORDER);
      Finding first = findings.get(0);
      out.write(bold(header(first.subject().object(), first.subject().origin())));
      out.write('\n');
      for (Finding finding : findings) {
        out.write(row(finding, ruleWidth));
        out.write('\n');
      }
      out.write('\n');
    }
    out.write(summary(result));
    out.write('\n');
    out.flush();
  }

  private static String objectKey(Finding finding) {
    SourceLocation origin = finding.subject().origin();
    ObjectRef object = finding.subject().object();
    return (origin == null ? "" : origin.toString())
        + "|"
        + object.kind()
        + "|"
        + object.namespace()
        + "|"
        + object.name();
  }

  private static String header(ObjectRef object, @Nullable SourceLocation origin) {
    return (origin == null ? "" : origin + "  ") + object.display();
  }

  private String row(Finding finding, int ruleWidth) {
    SourceLocation location = finding.evidence().location();
    String line = location == null ? "" : ":" + location.line();
    String message = finding.message().isEmpty() ? finding.title() : finding.message();
    return "  "
        + paint(statusColor(finding.status()), pad(finding.status().name(), 5))
        + " "
        + paint(severityColor(finding), pad(finding.severity().label(), 8))
        + " "
        + pad(finding.ruleId(), ruleWidth)
        + " "
        + pad(line, 6)
        + " "
        + message
        + observed(finding);
  }

  private static String observed(Finding finding) {
    if (finding.status() == Status.PASS || !finding.evidence().present()) {
      return "";
    }
    String value = ValueFormat.compact(finding.evidence().value(), 60);
    return " (" + finding.evidence().path() + " = " + value + ")";
  }

  /** The closing line: objects, rules, and counts by status and failing severity. */
  static String summary(ScanResult result) {
    Map<Status, Integer> byStatus = result.countByStatus();
    Map<Severity, Integer> failed = result.failuresBySeverity();
    String bySeverity =
        failed.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getKey().label() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return "Scanned "
        + plural(result.objectCount(), "object")
        + " with "
        + plural(result.metadata().ruleCount(), "rule")
        + ": "
        + byStatus.get(Status.PASS)
        + " passed, "
        + byStatus.get(Status.FAIL)
        + " failed"
        + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
        + ", "
        + plural(byStatus.getOrDefault(Status.WARN, 0), "warning")
        + ", "
        + plural(byStatus.getOrDefault(Status.ERROR, 0), "error")
        + (byStatus.getOrDefault(Status.EXEMPT, 0) > 0
            ? ", " + byStatus.get(Status.EXEMPT) + " exempted"
            : "")
        + (result.hasInputErrors()
            ? ", " + plural(countInputErrors(result), "unreadable input")
            : "")
        + ".";
  }

  private static int countInputErrors(ScanResult result) {
    return (int)
        result.notes().stream()
            .filter(n -> n.kind() == io.kubeattest.engine.model.InputNote.Kind.ERROR)
            .count();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private String bold(String text) {
    return color ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  private String paint(@Nullable String code, String text) {
    return color && code != null ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  private static @Nullable String statusColor(Status status) {
    return switch (status) {
      case PASS -> "32";
      case FAIL -> "31";
      case WARN -> "33";
      case ERROR -> "35";
      case INFO, SKIP -> "36";
      case EXEMPT -> "34";
    };
  }

  private static @Nullable String severityColor(Finding finding) {
    if (finding.status() != Status.FAIL) {
      return null;
    }
    return switch (finding.severity()) {
      case CRITICAL -> "1;31";
      case HIGH -> "31";
      case MEDIUM -> "33";
      case LOW -> "36";
      case INFO -> null;
    };
  }
}
