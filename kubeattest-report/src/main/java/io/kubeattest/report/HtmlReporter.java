package io.kubeattest.report;

import io.kubeattest.engine.frameworks.Control;
import io.kubeattest.engine.frameworks.ControlResult;
import io.kubeattest.engine.frameworks.FrameworkCoverage;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.frameworks.SectionScore;
import io.kubeattest.engine.frameworks.Tally;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One self-contained HTML file (inline CSS and script, no external resource, a Content Security
 * Policy that forbids any): a summary with the CIS Kubernetes score and the CVE posture side by
 * side, framework scores with their gap analysis, and the findings by priority with filters on
 * severity, status and text that run in the browser. The filters read and write the URL fragment
 * ({@code #severity=high&status=FAIL&q=text}), so a filtered view can be linked. Prints without the
 * filters and with every framework opened.
 */
public final class HtmlReporter implements Reporter {
  /** The rule whose findings are image vulnerabilities (CVE posture). */
  public static final String VULNERABILITY_RULE = "image-vulnerability";

  static final String CIS_KUBERNETES = "cis-kubernetes-1.12";

  private final List<FrameworkScore> scores;

  public HtmlReporter(List<FrameworkScore> scores) {
    this.scores = List.copyOf(scores);
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Html html = new Html(out);
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.raw(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
            + " 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.raw("<title>")
        .text("kubeattest report: " + result.metadata().scanKind())
        .raw("</title>\n");
    html.raw("<style>\n").raw(resource("report.css")).raw("</style>\n</head>\n<body>\n");
    header(html, result);
    summary(html, result);
    frameworks(html);
    findings(html, result);
    notes(html, result);
    html.raw("<script>\n").raw(resource("report.js")).raw("</script>\n</body>\n</html>\n");
    out.flush();
  }

  private static void header(Html html, ScanResult result) throws IOException {
    html.raw("<header>\n<h1>kubeattest report</h1>\n<p class=\"meta\">");
    html.text(
        "Scan "
            + result.metadata().scanKind()
            + " of "
            + String.join(", ", result.metadata().inputs())
            + ", "
            + result.metadata().startedAt()
            + ", kubeattest "
            + result.metadata().toolVersion()
            + ", "
            + plural(result.objectCount(), "object")
            + ", "
            + plural(result.metadata().ruleCount(), "rule"));
    html.raw("</p>\n</header>\n");
  }

  private void summary(Html html, ScanResult result) throws IOException {
    html.raw("<section id=\"summary\" class=\"cards\">\n");
    Optional<FrameworkScore> cis =
        scores.stream().filter(s -> s.framework().id().equals(CIS_KUBERNETES)).findFirst();
    html.raw("<div class=\"card\" id=\"cis-card\">\n<h2>Cluster configuration</h2>\n");
    if (cis.isPresent()) {
      Tally total = cis.get().total();
      html.raw("<p class=\"big\">").text(total.scoreText()).raw("</p>\n<p>");
      html.text(cis.get().framework().title() + " " + cis.get().framework().version());
      html.raw("</p>\n<p class=\"counts\">");
      count(html, "pass", "PASS", total.passed());
      count(html, "fail", "FAIL", total.failed());
      count(html, "warn", "WARN", total.manual());
      count(html, "info", "INFO", total.notEvaluated());
      html.raw("</p>\n");
    } else {
      html.raw("<p class=\"big\">n/a</p>\n<p>CIS Kubernetes is not part of this report.</p>\n");
    }
    html.raw("</div>\n");
    Map<Severity, Integer> cves = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      cves.put(severity, 0);
    }
    result.findings().stream()
        .filter(f -> f.ruleId().equals(VULNERABILITY_RULE) && f.status() == Status.FAIL)
        .forEach(f -> cves.merge(f.severity(), 1, Integer::sum));
    int cveTotal = cves.values().stream().mapToInt(Integer::intValue).sum();
    html.raw("<div class=\"card\" id=\"cve-card\">\n<h2>Image content</h2>\n<p class=\"big\">");
    html.text(cveTotal + " CVE" + (cveTotal == 1 ? "" : "s"));
    html.raw("</p>\n<p>Vulnerability findings by severity</p>\n<p class=\"counts\">");
    for (Severity severity : Severity.values()) {
      count(html, "sev-" + severity.label(), severity.label(), cves.getOrDefault(severity, 0));
    }
    html.raw("</p>\n</div>\n");
    Map<Status, Integer> byStatus = result.countByStatus();
    html.raw("<div class=\"card\" id=\"findings-card\">\n<h2>Findings</h2>\n<p class=\"big\">");
    html.text(byStatus.getOrDefault(Status.FAIL, 0) + " failed");
    html.raw("</p>\n<p>")
        .text(result.findings().size() + " findings")
        .raw("</p>\n<p class=\"counts\">");
    for (Status status : Status.values()) {
      count(
          html,
          status.name().toLowerCase(java.util.Locale.ROOT),
          status.name(),
          byStatus.getOrDefault(status, 0));
    }
    html.raw("</p>\n</div>\n</section>\n");
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static void count(Html html, String css, String label, int value) throws IOException {
    html.raw("<span class=\"badge " + css + "\">").text(label + " " + value).raw("</span> ");
  }

  private void frameworks(Html html) throws IOException {
    if (scores.isEmpty()) {
      return;
    }
    html.raw("<section id=\"frameworks\">\n<h2>Framework scores</h2>\n<table class=\"scores\">\n");
    html.raw(
        "<thead><tr><th>Framework</th><th>Version</th><th>Score</th><th>Passed</th>"
            + "<th>Failed</th><th>Manual</th><th>Not evaluated</th></tr></thead>\n<tbody>\n");
    for (FrameworkScore score : scores) {
      Tally t = score.total();
      html.raw("<tr><td><a href=\"#fw-" + score.framework().id() + "\">");
      html.text(score.framework().title()).raw("</a></td><td>").text(score.framework().version());
      html.raw("</td><td class=\"num\">").text(t.scoreText());
      html.raw("</td><td class=\"num\">" + t.passed() + "</td><td class=\"num\">" + t.failed());
      html.raw(
          "</td><td class=\"num\">" + t.manual() + "</td><td class=\"num\">" + t.notEvaluated());
      html.raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n");
    for (FrameworkScore score : scores) {
      framework(html, score);
    }
    html.raw("</section>\n");
  }

  private static void framework(Html html, FrameworkScore score) throws IOException {
    html.raw("<details class=\"framework\" id=\"fw-" + score.framework().id() + "\">\n<summary>");
    html.text(score.framework().title() + " " + score.framework().version() + ": ");
    html.text(score.total().scoreText()).raw("</summary>\n<p class=\"scope\">");
    html.text(score.framework().scope()).raw("</p>\n");
    for (SectionScore section : score.sections()) {
      html.raw("<h4>").text(section.section().id() + " " + section.section().title());
      html.raw(" <span class=\"muted\">")
          .text(section.tally().scoreText() + ", " + FrameworkTableReporter.tally(section.tally()));
      html.raw("</span></h4>\n<table class=\"controls\">\n<tbody>\n");
      for (ControlResult control : section.controls()) {
        String label = FrameworkTableReporter.label(control.status());
        html.raw(
            "<tr><td><span class=\"badge ctl-" + label.toLowerCase(java.util.Locale.ROOT) + "\">");
        html.text(label).raw("</span></td><td>").text(control.control().id());
        html.raw("</td><td>").text(control.control().title()).raw("</td><td class=\"muted\">");
        html.text(FrameworkTableReporter.evidence(control)).raw("</td></tr>\n");
      }
      html.raw("</tbody>\n</table>\n");
    }
    FrameworkCoverage coverage = score.coverage();
    html.raw("<h4>Gap analysis</h4>\n<p>Rules outside this framework's scope (");
    html.text(Integer.toString(coverage.outOfScopeRules().size())).raw("): ");
    html.text(
        coverage.outOfScopeRules().isEmpty()
            ? "none"
            : String.join(", ", coverage.outOfScopeRules()));
    List<Control> gaps = coverage.controlsWithoutAutomatedEvidence();
    html.raw("</p>\n<p>Controls without automated evidence (");
    html.text(Integer.toString(gaps.size())).raw("): ");
    html.text(
        gaps.isEmpty()
            ? "none"
            : String.join(
                ", ",
                gaps.stream()
                    .map(c -> c.id() + (c.manual() ? " (manual)" : " (not covered)"))
                    .toList()));
    html.raw("</p>\n</details>\n");
  }

  private static final Comparator<Finding> PRIORITY =
      Comparator.comparing((Finding f) -> rank(f.status()))
          .thenComparing(Finding::severity)
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.subject().id());

  private static int rank(Status status) {
    return switch (status) {
      case FAIL -> 0;
      case ERROR -> 1;
      case WARN -> 2;
      case EXEMPT -> 3;
      case INFO -> 4;
      case SKIP -> 5;
      case PASS -> 6;
    };
  }

  private static void findings(Html html, ScanResult result) throws IOException {
    html.raw("<section id=\"findings\">\n<h2>Findings by priority</h2>\n");
    html.raw("<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">\n");
    html.raw("<label>Severity <select id=\"f-severity\"><option value=\"\">any</option>");
    for (Severity severity : Severity.values()) {
      html.raw(
          "<option value=\"" + severity.label() + "\">" + severity.label() + " and above</option>");
    }
    html.raw(
        "</select></label>\n<label>Status <select id=\"f-status\"><option value=\"\">any</option>");
    for (Status status : Status.values()) {
      html.raw("<option value=\"" + status.name() + "\">" + status.name() + "</option>");
    }
    html.raw("</select></label>\n<label>Text <input id=\"f-text\" type=\"search\"");
    html.raw(" placeholder=\"rule, object, message\"></label>\n");
    html.raw(
        "<span id=\"shown-count\">"
            + result.findings().size()
            + " of "
            + result.findings().size()
            + " shown</span>\n");
    html.raw(
        "</form>\n<table class=\"findings\" id=\"findings-table\">\n<thead><tr><th>Status</th>");
    html.raw(
        "<th>Severity</th><th>Rule</th><th>Object</th><th>Location</th><th>Message</th></tr></thead>\n<tbody>\n");
    for (Finding finding : result.findings().stream().sorted(PRIORITY).toList()) {
      String message = finding.message().isEmpty() ? finding.title() : finding.message();
      String object =
          finding.subject().object().display()
              + (finding.subject().container() == null
                  ? ""
                  : " / " + finding.subject().container());
      SourceLocation where =
          finding.evidence().location() != null
              ? finding.evidence().location()
              : finding.subject().origin();
      String location = where == null ? "" : where.toString();
      html.raw(
          "<tr class=\"finding\" data-status=\"" + finding.status().name() + "\" data-severity=\"");
      html.raw(Integer.toString(severityRank(finding.severity()))).raw("\">");
      html.raw(
          "<td><span class=\"badge "
              + finding.status().name().toLowerCase(java.util.Locale.ROOT)
              + "\">");
      html.text(finding.status().name()).raw("</span></td><td><span class=\"badge sev-");
      html.raw(finding.severity().label() + "\">")
          .text(finding.severity().label())
          .raw("</span></td><td>");
      html.text(finding.ruleId()).raw("</td><td>").text(object).raw("</td><td>").text(location);
      html.raw("</td><td>").text(message).raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
  }

  /** 0 for critical up to 4 for info, the order the page's filter script knows. */
  private static int severityRank(Severity severity) {
    return switch (severity) {
      case CRITICAL -> 0;
      case HIGH -> 1;
      case MEDIUM -> 2;
      case LOW -> 3;
      case INFO -> 4;
    };
  }

  private static void notes(Html html, ScanResult result) throws IOException {
    if (result.notes().isEmpty()) {
      return;
    }
    html.raw("<section id=\"notes\">\n<h2>Inputs</h2>\n<ul>\n");
    for (InputNote note : result.notes()) {
      html.raw("<li class=\"note-" + note.kind().name().toLowerCase(java.util.Locale.ROOT) + "\">");
      html.text(note.kind().name() + ": " + note.line()).raw("</li>\n");
    }
    html.raw("</ul>\n</section>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReporter.class.getResourceAsStream("html/" + name)) {
      if (in == null) {
        throw new IllegalStateException("report resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes markup and escaped text. */
  private static final class Html {
    private final Writer out;

    Html(Writer out) {
      this.out = out;
    }

    Html raw(String markup) throws IOException {
      out.write(markup);
      return this;
    }

    Html text(String text) throws IOException {
      StringBuilder escaped = new StringBuilder(text.length() + 16);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '<' -> escaped.append("&lt;");
          case '>' -> escaped.append("&gt;");
          case '&' -> escaped.append("&amp;");
          case '"' -> escaped.append("&quot;");
          case '\'' -> escaped.append("&#39;");
          default -> escaped.append(c);
        }
      }
      out.write(escaped.toString());
      return this;
    }
  }
}
