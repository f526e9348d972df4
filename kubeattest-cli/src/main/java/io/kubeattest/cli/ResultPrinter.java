package io.kubeattest.cli;

import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.report.CsvReporter;
import io.kubeattest.report.FrameworkTableReporter;
import io.kubeattest.report.HtmlReporter;
import io.kubeattest.report.JsonReporter;
import io.kubeattest.report.JunitReporter;
import io.kubeattest.report.Reporter;
import io.kubeattest.report.SarifReporter;
import io.kubeattest.report.TableReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Renders a scan result in every format the options ask for and decides the exit code. */
final class ResultPrinter {
  private final ReportOptions options;
  private final Terminal terminal;
  private final FrameworkSelection frameworks;
  private final @Nullable Reporter kubeBench;

  ResultPrinter(ReportOptions options, Terminal terminal, FrameworkSelection frameworks) {
    this(options, terminal, frameworks, null);
  }

  /**
   * @param kubeBench the reporter for {@code -o kube-bench-json}; null where that format does not
   *     apply
   */
  ResultPrinter(
      ReportOptions options,
      Terminal terminal,
      FrameworkSelection frameworks,
      @Nullable Reporter kubeBench) {
    this.options = options;
    this.terminal = terminal;
    this.frameworks = frameworks;
    this.kubeBench = kubeBench;
  }

  /**
   * Writes each report to its file, or to standard output, and returns the exit code. The report
   * for standard output goes to {@code stdout} (the bytes under {@code out}) as UTF-8, after {@code
   * out} is flushed: a JSON report of a large scan is 100 MB and more, and skipping the character
   * stage saves a pass over it.
   */
  int print(ScanResult result, PrintWriter out, java.io.OutputStream stdout) {
    ScanResult shown = filter(result);
    for (ReportOptions.Target target : options.resolvedTargets()) {
      Reporter reporter = reporter(target, shown);
      try {
        if (target.file() != null) {
          try (java.io.OutputStream file =
              new java.io.BufferedOutputStream(Files.newOutputStream(target.file()), 1 << 16)) {
            reporter.write(shown, file);
          }
        } else {
          out.flush();
          java.io.OutputStream buffered = new java.io.BufferedOutputStream(stdout, 1 << 16);
          reporter.write(shown, buffered);
          buffered.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return exitCode(shown);
  }

  Reporter reporter(ReportOptions.Target target, ScanResult shown) {
    boolean limited = frameworks.limited();
    return switch (target.format()) {
      case TABLE -> {
        boolean color = target.file() == null && terminal.color(options.color);
        yield limited
            ? new FrameworkTableReporter(scores(shown, false), color)
            : new TableReporter(color, options.showPassed);
      }
      case JSON -> new JsonReporter(limited ? scores(shown, false) : List.of());
      case SARIF -> new SarifReporter(frameworks.rules(), Path.of("").toAbsolutePath());
      case JUNIT ->
          new JunitReporter(frameworks.rules(), limited ? scores(shown, false) : List.of());
      case HTML -> new HtmlReporter(scores(shown, true));
      case CSV -> new CsvReporter();
      case CYCLONEDX ->
          throw new io.kubeattest.engine.InputException(
              "-o cyclonedx is an SBOM format: use it with kubeattest image");
      case KUBE_BENCH_JSON -> {
        if (kubeBench == null) {
          throw new io.kubeattest.engine.InputException(
              "-o kube-bench-json is only available for kubeattest node");
        }
        yield kubeBench;
      }
    };
  }

  private List<FrameworkScore> scores(ScanResult shown, boolean all) {
    return frameworks.scores(shown.findings(), all);
  }

  ScanResult filter(ScanResult result) {
    if (options.minSeverity == null) {
      return result;
    }
    List<Finding> kept =
        result.findings().stream()
            .filter(f -> f.severity().isAtLeast(options.minSeverity))
            .toList();
    return new ScanResult(result.metadata(), result.objectCount(), kept, result.notes());
  }

  int exitCode(ScanResult result) {
    if (result.hasInputErrors()) {
      return ExitCode.USAGE_OR_INPUT;
    }
    if (options.failOn != null
        && result.findings().stream().anyMatch(f -> f.failsAtOrAbove(options.failOn))) {
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }
}
