package io.kubeattest.cli;

import io.kubeattest.engine.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by every scanning command: rules, output, thresholds. */
final class ReportOptions {
  /** The output formats. */
  enum Format {
    TABLE,
    JSON,
    SARIF,
    JUNIT,
    HTML,
    CSV,
    /** kube-bench's JSON shape; {@code kubeattest node} only. */
    KUBE_BENCH_JSON,
    /** CycloneDX JSON SBOM: {@code kubeattest image} only. */
    CYCLONEDX;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** One report to write: a format, and a file (null: standard output, or --output). */
  record Target(Format format, @Nullable Path file) {}

  @Option(
      names = {"-o", "--format"},
      paramLabel = "FORMAT[=FILE]",
      description = {
        "Output format: table, json, sarif, junit, html, csv, kube-bench-json (node only)"
            + " (default: table). Repeatable:"
            + " FORMAT=FILE writes that format to FILE, e.g. -o sarif=scan.sarif -o html=report.html;"
            + " at most one -o without =FILE, which goes to standard output or --output."
      },
      converter = TargetConverter.class,
      completionCandidates = FormatCandidates.class)
  List<Target> targets = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report (the -o without =FILE) to FILE instead of standard output.")
  @Nullable Path output;

  @Option(
      names = "--framework",
      paramLabel = "ID",
      description =
          "Limit the run to the rules of framework ID and show the control view (per section and"
              + " control: status and score). Repeatable. kubeattest frameworks list shows the ids.")
  List<String> frameworks = new ArrayList<>();

  /**
   * The reports to write, in order; a single table on standard output when no -o was given.
   *
   * @throws io.kubeattest.engine.KubeattestException when two reports would share one output
   */
  List<Target> resolvedTargets() {
    if (targets.isEmpty()) {
      return List.of(new Target(Format.TABLE, output));
    }
    List<Target> resolved = new ArrayList<>();
    int unnamed = 0;
    for (Target target : targets) {
      if (target.file() == null) {
        unnamed++;
        resolved.add(new Target(target.format(), output));
      } else {
        resolved.add(target);
      }
    }
    if (unnamed > 1) {
      throw new io.kubeattest.engine.KubeattestException(
          "several -o values without a file would share "
              + (output == null ? "standard output" : output.toString())
              + "; give each but one a file, e.g. -o sarif=scan.sarif");
    }
    return resolved;
  }

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Exit 1 when a finding at or above SEVERITY fails (critical, high, medium, low, info).",
      converter = SeverityConverter.class)
  @Nullable Severity failOn;

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      description = "Leave out findings below SEVERITY, from the report and from --fail-on.",
      converter = SeverityConverter.class)
  @Nullable Severity minSeverity;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Also load the rule files (.yaml) under DIR. Repeatable.")
  List<Path> ruleDirectories = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress and no skip notes; errors are still printed.")
  boolean quiet;

  @Option(
      names = {"-a", "--show-passed"},
      description = "List passing checks in the table too.")
  boolean showPassed;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description = "Colour the table: auto (a terminal and no NO_COLOR), always, never.",
      defaultValue = "auto",
      converter = ColorConverter.class)
  Terminal.ColorChoice color = Terminal.ColorChoice.AUTO;

  static final class FormatCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatCandidates() {
      super(
          List.of(
              "table", "json", "sarif", "junit", "html", "csv", "kube-bench-json", "cyclonedx"));
    }
  }

  static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      int equals = value.indexOf('=');
      String name = equals < 0 ? value : value.substring(0, equals);
      Path file = null;
      if (equals >= 0) {
        String path = value.substring(equals + 1);
        if (path.isEmpty()) {
          throw new picocli.CommandLine.TypeConversionException(
              "-o " + value + ": no file after '=' (expected FORMAT=FILE)");
        }
        file = Path.of(path);
      }
      for (Format format : Format.values()) {
        if (format.label().equalsIgnoreCase(name) || format.name().equalsIgnoreCase(name)) {
          return new Target(format, file);
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown format '"
              + name
              + "' (expected table, json, sarif, junit, html, csv, kube-bench-json or cyclonedx)");
    }
  }

  static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(String.valueOf(e.getMessage()));
      }
    }
  }

  static final class ColorConverter
      implements picocli.CommandLine.ITypeConverter<Terminal.ColorChoice> {
    @Override
    public Terminal.ColorChoice convert(String value) {
      for (Terminal.ColorChoice choice : Terminal.ColorChoice.values()) {
        if (choice.name().equalsIgnoreCase(value)) {
          return choice;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown --color '" + value + "' (expected auto, always or never)");
    }
  }
}
