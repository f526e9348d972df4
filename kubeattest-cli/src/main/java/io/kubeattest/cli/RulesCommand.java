package io.kubeattest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.rules.CompiledRule;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleExamples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeattest rules list|explain}: what the catalogue holds. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List and explain the rules.",
    subcommands = {RulesCommand.ListCommand.class, RulesCommand.ExplainCommand.class})
final class RulesCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rules list}: one line a rule. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every rule.")
  static final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Option(
        names = {"-o", "--format"},
        paramLabel = "FORMAT",
        description = "table or json (default: table).",
        defaultValue = "table")
    String format = "table";

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load rules under DIR.")
    List<Path> ruleDirectories = new ArrayList<>();

    @Option(
        names = "--benchmark",
        paramLabel = "VERSION",
        description = "List a CIS benchmark's node checks instead (cis-1.12, cis-1.11).")
    @org.jspecify.annotations.Nullable
    String benchmark;

    @Override
    public Integer call() throws Exception {
      RuleCatalogue catalogue =
          benchmark == null
              ? Catalogues.load(ruleDirectories)
              : Catalogues.loadBenchmark(benchmark, ruleDirectories);
      PrintWriter out = spec.commandLine().getOut();
      if (format.equalsIgnoreCase("json")) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Rule rule : catalogue.descriptions()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", rule.id());
          row.put("title", rule.title());
          row.put("severity", rule.severity().label());
          row.put("subject", rule.subjectKind().label());
          row.put("frameworks", rule.frameworks());
          row.put("equivalents", rule.equivalents());
          row.put("source", rule.source().toString());
          rows.add(row);
        }
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        return ExitCode.OK;
      }
      if (!format.equalsIgnoreCase("table")) {
        throw new KubeattestException("unknown format '" + format + "' (expected table or json)");
      }
      int width = catalogue.descriptions().stream().mapToInt(r -> r.id().length()).max().orElse(4);
      int frameworksWidth =
          Math.max(
              10,
              catalogue.descriptions().stream()
                  .mapToInt(r -> keys(r.frameworks()).length())
                  .max()
                  .orElse(0));
      int peersWidth =
          Math.max(
              5,
              catalogue.descriptions().stream()
                  .mapToInt(r -> keys(r.equivalents()).length())
                  .max()
                  .orElse(0));
      out.println(
          pad("ID", width)
              + "  "
              + pad("SEVERITY", 8)
              + "  "
              + pad("SUBJECT", 9)
              + "  "
              + pad("FRAMEWORKS", frameworksWidth)
              + "  "
              + pad("PEERS", peersWidth)
              + "  TITLE");
      for (Rule rule : catalogue.descriptions()) {
        out.println(
            pad(rule.id(), width)
                + "  "
                + pad(rule.severity().label(), 8)
                + "  "
                + pad(rule.subjectKind().label(), 9)
                + "  "
                + pad(keys(rule.frameworks()), frameworksWidth)
                + "  "
                + pad(keys(rule.equivalents()), peersWidth)
                + "  "
                + rule.title());
      }
      return ExitCode.OK;
    }
  }

  /** {@code rules explain ID}: everything about one rule. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description = "Explain one rule: what it checks, why, how to fix it, with examples.")
  static final class ExplainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Parameters(paramLabel = "ID", description = "The rule id, e.g. container-privileged.")
    String id = "";

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load rules under DIR.")
    List<Path> ruleDirectories = new ArrayList<>();

    @Override
    public Integer call() {
      RuleCatalogue catalogue =
          Catalogues.benchmarkOf(id)
              .map(benchmark -> Catalogues.loadBenchmark(benchmark, ruleDirectories))
              .orElseGet(() -> Catalogues.load(ruleDirectories));
      CompiledRule compiled =
          catalogue
              .find(id)
              .orElseThrow(
                  () ->
                      new KubeattestException(
                          "no rule '" + id + "' (kubeattest rules list shows every id)"));
      Rule rule = compiled.rule();
      PrintWriter out = spec.commandLine().getOut();
      out.println(rule.id() + ": " + rule.title());
      out.println();
      out.println("Severity:     " + rule.severity().label());
      out.println("Applies to:   " + rule.subjectKind().label() + scope(compiled));
      out.println("Defined in:   " + rule.source());
      out.println();
      section(out, "What it checks", rule.description());
      section(out, "How to fix", rule.remediation());
      section(
          out,
          "Expression",
          compiled.validate() != null
              ? "validate: " + compiled.validate().expression().strip()
              : compiled.isJava()
                  ? "none: implemented in Java over all objects of the scan"
                  : "none: a manual check, a person follows the remediation (WARN)");
      if (!rule.frameworks().isEmpty()) {
        section(out, "Frameworks", entries(rule.frameworks()));
      }
      if (!rule.equivalents().isEmpty()) {
        section(out, "Same check in other tools", entries(rule.equivalents()));
      }
      if (!rule.references().isEmpty()) {
        section(out, "References", String.join("\n", rule.references()));
      }
      RuleExamples.failing(rule.id()).ifPresent(text -> section(out, "Fails", text.strip()));
      RuleExamples.passing(rule.id()).ifPresent(text -> section(out, "Passes", text.strip()));
      return ExitCode.OK;
    }

    private static String scope(CompiledRule rule) {
      List<String> parts = new ArrayList<>();
      if (!rule.kinds().isEmpty()) {
        parts.add("kinds " + String.join(", ", rule.kinds()));
      }
      if (!rule.containerTypes().isEmpty()) {
        parts.add(String.join(", ", rule.containerTypes()));
      }
      if (rule.match() != null) {
        parts.add("when " + rule.match().expression().strip());
      }
      return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String entries(Map<String, List<String>> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
          .collect(Collectors.joining("\n"));
    }

    private static void section(PrintWriter out, String title, String body) {
      out.println(title + ":");
      body.lines().forEach(line -> out.println("  " + line));
      out.println();
    }
  }

  /** The keys of a framework or peer map, comma-separated; {@code -} when empty. */
  private static String keys(Map<String, List<String>> map) {
    return map.isEmpty() ? "-" : String.join(",", map.keySet());
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
