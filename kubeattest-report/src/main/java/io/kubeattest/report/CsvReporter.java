package io.kubeattest.report;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.SubjectRef;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row per finding (PASS included), RFC 4180: a header row, CRLF line ends, fields quoted when
 * they hold a comma, a quote, CR or LF, quotes doubled. A field that starts with {@code =}, {@code
 * +}, {@code @} or a tab gets a leading {@code '} so spreadsheets do not run it as a formula.
 */
public final class CsvReporter implements Reporter {
  static final List<String> HEADER =
      List.of(
          "status",
          "severity",
          "rule",
          "title",
          "message",
          "subject_kind",
          "api_version",
          "kind",
          "namespace",
          "name",
          "container",
          "file",
          "line",
          "column",
          "path",
          "value",
          "fingerprint");

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    row(out, HEADER);
    for (Finding finding : result.findings()) {
      SubjectRef subject = finding.subject();
      SourceLocation location =
          finding.evidence().location() != null ? finding.evidence().location() : subject.origin();
      List<String> cells = new ArrayList<>();
      cells.add(finding.status().name());
      cells.add(finding.severity().label());
      cells.add(finding.ruleId());
      cells.add(finding.title());
      cells.add(finding.message());
      cells.add(subject.kind().label());
      cells.add(subject.object().apiVersion());
      cells.add(subject.object().kind());
      cells.add(orEmpty(subject.object().namespace()));
      cells.add(subject.object().name());
      cells.add(orEmpty(subject.container()));
      cells.add(location == null ? "" : location.file());
      cells.add(location == null ? "" : Integer.toString(location.line()));
      cells.add(location == null ? "" : Integer.toString(location.column()));
      cells.add(finding.evidence().path());
      cells.add(
          finding.evidence().present() ? ValueFormat.compact(finding.evidence().value(), 200) : "");
      cells.add(finding.fingerprint());
      row(out, cells);
    }
    out.flush();
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String field(String value) {
    String text = value;
    if (!text.isEmpty() && "=+@\t".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\r') >= 0
        || text.indexOf('\n') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
