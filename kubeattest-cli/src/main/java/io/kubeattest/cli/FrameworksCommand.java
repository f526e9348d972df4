package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.frameworks.Control;
import io.kubeattest.engine.frameworks.EvidenceKind;
import io.kubeattest.engine.frameworks.Framework;
import io.kubeattest.engine.frameworks.FrameworkCatalogue;
import io.kubeattest.engine.frameworks.FrameworkCoverage;
import io.kubeattest.engine.frameworks.Section;
import io.kubeattest.engine.model.Rule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeattest frameworks list|show}: the compliance frameworks and their evidence. */
@Command(
    name = "frameworks",
    mixinStandardHelpOptions = true,
    description = "List the compliance frameworks and show how kubeattest evidences each control.",
    subcommands = {FrameworksCommand.ListCommand.class, FrameworksCommand.ShowCommand.class})
final class FrameworksCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code frameworks list}: one line a framework with its evidence counts. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every framework.")
  static final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load rules under DIR.")
    List<Path> ruleDirectories = new ArrayList<>();

    @Override
    public Integer call() {
      List<Rule> rules = Catalogues.everyRule(ruleDirectories);
      PrintWriter out = spec.commandLine().getOut();
      List<Framework> frameworks = FrameworkCatalogue.builtIn().frameworks();
      int width = frameworks.stream().mapToInt(f -> f.id().length()).max().orElse(2);
      int versionWidth =
          Math.max(7, frameworks.stream().mapToInt(f -> f.version().length()).max().orElse(7));
      out.println(
          pad("ID", width)
              + "  "
              + pad("VERSION", versionWidth)
              + "  CONTROLS  AUTOMATED  MANUAL  NOT-COVERED  TITLE");
      for (Framework framework : frameworks) {
        FrameworkCoverage coverage = FrameworkCoverage.of(framework, rules);
        Map<EvidenceKind, Integer> kinds = kinds(framework, coverage);
        out.println(
            pad(framework.id(), width)
                + "  "
                + pad(framework.version(), versionWidth)
                + "  "
                + pad(Integer.toString(framework.controls().size()), 8)
                + "  "
                + pad(Integer.toString(kinds.getOrDefault(EvidenceKind.AUTOMATED, 0)), 9)
                + "  "
                + pad(Integer.toString(kinds.getOrDefault(EvidenceKind.MANUAL, 0)), 6)
                + "  "
                + pad(Integer.toString(kinds.getOrDefault(EvidenceKind.NOT_COVERED, 0)), 11)
                + "  "
                + framework.title());
      }
      return ExitCode.OK;
    }
  }

  /** {@code frameworks show ID [--gaps]}: every control with its evidence kind. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show every control of a framework by section, with its evidence: automated by which"
              + " rules, manual, or not covered.")
  static final class ShowCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Parameters(paramLabel = "ID", description = "The framework id, e.g. cis-kubernetes-1.12.")
    String id = "";

    @Option(
        names = "--gaps",
        description =
            "Add the gap analysis: kubeattest rules outside the framework's scope, and controls"
                + " without automated evidence.")
    boolean gaps;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load rules under DIR.")
    List<Path> ruleDirectories = new ArrayList<>();

    @Override
    public Integer call() {
      Framework framework =
          FrameworkCatalogue.builtIn()
              .find(id)
              .orElseThrow(
                  () ->
                      new KubeattestException(
                          "unknown framework '"
                              + id
                              + "' (kubeattest frameworks list shows every id)"));
      List<Rule> rules = Catalogues.everyRule(ruleDirectories);
      FrameworkCoverage coverage = FrameworkCoverage.of(framework, rules);
      PrintWriter out = spec.commandLine().getOut();
      out.println(framework.title() + " " + framework.version() + " (" + framework.id() + ")");
      if (!framework.description().isEmpty()) {
        out.println(framework.description());
      }
      out.println("Scope: " + framework.scope());
      Map<EvidenceKind, Integer> kinds = kinds(framework, coverage);
      out.println(
          framework.controls().size()
              + " controls: "
              + kinds.getOrDefault(EvidenceKind.AUTOMATED, 0)
              + " automated, "
              + kinds.getOrDefault(EvidenceKind.MANUAL, 0)
              + " manual, "
              + kinds.getOrDefault(EvidenceKind.NOT_COVERED, 0)
              + " not covered");
      int width = framework.controls().stream().mapToInt(c -> c.id().length()).max().orElse(2);
      for (Section section : framework.sections()) {
        out.println();
        out.println(section.id() + " " + section.title());
        for (Control control : framework.controlsOf(section)) {
          out.println(
              "  "
                  + pad(control.id(), width)
                  + "  "
                  + pad(evidence(coverage, control), 11)
                  + "  "
                  + control.title()
                  + rulesSuffix(coverage, control)
                  + (control.baselines().isEmpty()
                      ? ""
                      : " {" + String.join(", ", control.baselines()) + "}"));
        }
      }
      if (gaps) {
        out.println();
        out.println("Gap analysis");
        List<String> outside = coverage.outOfScopeRules();
        out.println(
            "  Rules outside the scope of "
                + framework.id()
                + " ("
                + outside.size()
                + "): what kubeattest checks that this framework does not ask for");
        Map<String, List<String>> byKind = new TreeMap<>();
        for (Rule rule : rules) {
          if (outside.contains(rule.id())) {
            byKind
                .computeIfAbsent(rule.subjectKind().label(), k -> new ArrayList<>())
                .add(rule.id());
          }
        }
        byKind.forEach((kind, ids) -> out.println("    " + kind + ": " + String.join(", ", ids)));
        List<Control> without = coverage.controlsWithoutAutomatedEvidence();
        out.println("  Controls without automated evidence (" + without.size() + "):");
        for (Control control : without) {
          out.println(
              "    "
                  + pad(control.id(), width)
                  + "  "
                  + pad(evidence(coverage, control), 11)
                  + "  "
                  + control.title());
        }
      }
      return ExitCode.OK;
    }

    private static String rulesSuffix(FrameworkCoverage coverage, Control control) {
      List<String> rules = coverage.rulesFor(control);
      return rules.isEmpty() ? "" : " <- " + String.join(", ", rules);
    }
  }

  static String evidence(FrameworkCoverage coverage, Control control) {
    return switch (coverage.kindOf(control)) {
      case AUTOMATED -> "automated";
      case MANUAL -> "manual";
      case NOT_COVERED -> "not covered";
    };
  }

  private static Map<EvidenceKind, Integer> kinds(Framework framework, FrameworkCoverage coverage) {
    Map<EvidenceKind, Integer> counts = new java.util.EnumMap<>(EvidenceKind.class);
    for (EvidenceKind kind : EvidenceKind.values()) {
      counts.put(kind, 0);
    }
    framework.controls().forEach(c -> counts.merge(coverage.kindOf(c), 1, Integer::sum));
    return counts;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
