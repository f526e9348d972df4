package io.kubeattest.cli;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.report.JsonReporter;
import io.kubeattest.report.Reporter;
import io.kubeattest.report.TableReporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Renders a scan result as the options ask and decides the exit code. */
final class ResultPrinter {
  private final ReportOptions options;
  private final Terminal terminal;

  ResultPrinter(ReportOptions options, Terminal terminal) {
    this.options = options;
    this.terminal = terminal;
  }

  /** Prints {@code result} to {@code out} (or --output) and returns the exit code. */
  int print(ScanResult result, PrintWriter out) {
    ScanResult shown = filter(result);
    Reporter reporter =
        switch (options.format) {
          case TABLE ->
              new TableReporter(
                  options.output == null && terminal.color(options.color), options.showPassed);
          case JSON -> new JsonReporter();
          case CYCLONEDX ->
              throw new InputException(
                  "-o cyclonedx is an SBOM format: use it with kubeattest image");
        };
    try {
      if (options.output != null) {
        try (Writer file =
            new OutputStreamWriter(Files.newOutputStream(options.output), StandardCharsets.UTF_8)) {
          reporter.write(shown, file);
        }
      } else {
        reporter.write(shown, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return exitCode(shown);
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
