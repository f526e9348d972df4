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
    /** CycloneDX JSON SBOM: {@code kubeattest image} only. */
    CYCLONEDX
  }

  @Option(
      names = {"-o", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table",
      converter = FormatConverter.class,
      completionCandidates = FormatCandidates.class)
  Format format = Format.TABLE;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  @Nullable Path output;

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
      super(List.of("table", "json", "cyclonedx"));
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format format : Format.values()) {
        if (format.name().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown format '" + value + "' (expected table, json or cyclonedx)");
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
