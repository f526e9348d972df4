package io.kubeattest.cli;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.report.KubeBenchJsonReporter;
import io.kubeattest.sources.node.NodeFactsCollector;
import io.kubeattest.sources.node.NodeFactsException;
import io.kubeattest.sources.node.NodeSubjectFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubeattest node}: the CIS Kubernetes Benchmark on this node (or on a host mounted under
 * {@code --root}). Semantics and output formats: {@code docs/cis-node.md}.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Check this node against the CIS Kubernetes Benchmark: control-plane files, API server,"
          + " controller manager, scheduler, etcd, worker files, kubelet and kube-proxy.",
      "",
      "Exit codes: 0 clean, 1 a finding failed at or above --fail-on, 2 usage or input error."
    })
final class NodeCommand implements Callable<Integer> {
  static final List<String> TARGETS = List.of("master", "controlplane", "etcd", "node", "policies");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The host's root (in a pod: where the host is mounted, e.g. /host).",
      defaultValue = "/")
  Path root = Path.of("/");

  @Option(
      names = "--proc",
      paramLabel = "DIR",
      description = "The proc tree to read processes from (default: /proc).",
      defaultValue = "/proc")
  Path proc = Path.of("/proc");

  @Option(
      names = "--targets",
      paramLabel = "TARGET",
      split = ",",
      description =
          "Benchmark parts to run: master, controlplane, etcd, node, policies (default: detected"
              + " from the components running on the node).")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--benchmark",
      paramLabel = "VERSION",
      description =
          "cis-1.12 or cis-1.11 (default: chosen from the Kubernetes version found on the node).")
  @Nullable String benchmark;

  @Mixin ReportOptions options = new ReportOptions();

  private final KubeattestCommand.Context context;

  NodeCommand(KubeattestCommand.Context context) {
    this.context = context;
    this.spec = picocli.CommandLine.Model.CommandSpec.create();
  }

  @Override
  public Integer call() {
    for (String target : targets) {
      if (!TARGETS.contains(target)) {
        throw new InputException(
            "--targets: unknown target '" + target + "' (expected one of " + TARGETS + ")");
      }
    }
    if (benchmark != null && !BenchmarkSelection.SHIPPED.contains(benchmark)) {
      throw new InputException(
          "--benchmark: unknown benchmark '"
              + benchmark
              + "' (expected one of "
              + BenchmarkSelection.SHIPPED
              + ")");
    }
    Map<String, Object> facts;
    try {
      facts = new NodeFactsCollector(root, proc).collect();
    } catch (NodeFactsException e) {
      throw new InputException(String.valueOf(e.getMessage()), e);
    }
    BenchmarkSelection selection = BenchmarkSelection.of(facts, benchmark);
    Set<String> chosen = chosenTargets(facts);
    if (!options.quiet) {
      spec.commandLine()
          .getErr()
          .println(
              "kubeattest node: benchmark "
                  + selection.benchmark()
                  + " ("
                  + selection.why()
                  + "), targets "
                  + String.join(",", chosen)
                  + (targets.isEmpty() ? " (detected)" : ""));
    }
    List<RuleLoader.RuleSource> sources =
        new ArrayList<>(
            RuleLoader.resourceSources("kubeattest/benchmarks/" + selection.benchmark() + "/"));
    for (Path directory : options.ruleDirectories) {
      sources.addAll(RuleLoader.directorySources(directory));
    }
    RuleCatalogue catalogue = RuleCatalogue.load(sources);
    ProgressPrinter progress =
        new ProgressPrinter(
            spec.commandLine().getErr(), options.quiet, context.terminal().interactive());
    Scanner scanner =
        Scanner.configured(
            catalogue, io.kubeattest.engine.config.ScanConfig.DEFAULT, progress, Clock.systemUTC());
    Scanner.Session session = scanner.begin("node", List.of(root.toString()));
    session.accept(NodeSubjectFactory.subject(facts, "node"));
    if (facts.get("errors") instanceof List<?> errors) {
      for (Object error : errors) {
        if (error instanceof Map<?, ?> e) {
          session.note(
              new InputNote(
                  InputNote.Kind.SKIPPED,
                  String.valueOf(e.get("path")),
                  "not read: " + e.get("message")));
        }
      }
    }
    ScanResult scanned = session.finish();
    progress.clearProgress();
    List<Rule> rules = catalogue.descriptions().stream().filter(r -> applies(r, chosen)).toList();
    Set<String> ruleIds = new LinkedHashSet<>();
    rules.forEach(r -> ruleIds.add(r.id()));
    List<Finding> kept =
        scanned.findings().stream().filter(f -> ruleIds.contains(f.ruleId())).toList();
    ScanResult result =
        new ScanResult(scanned.metadata(), scanned.objectCount(), kept, scanned.notes());
    return new ResultPrinter(
            options,
            context.terminal(),
            FrameworkSelection.of(List.of(), rules),
            new KubeBenchJsonReporter(rules, selection.benchmark(), selection.detectedVersion()))
        .print(result, spec.commandLine().getOut(), context.stdout());
  }

  private Set<String> chosenTargets(Map<String, Object> facts) {
    Set<String> chosen = new LinkedHashSet<>(targets);
    if (chosen.isEmpty() && facts.get("targets") instanceof List<?> detected) {
      detected.forEach(t -> chosen.add(String.valueOf(t)));
    }
    if (chosen.isEmpty()) {
      throw new InputException(
          "no Kubernetes component runs on this node (processes read from "
              + proc
              + "); pass --targets to choose the benchmark parts");
    }
    return chosen;
  }

  /** A benchmark check runs when its target is chosen; a rule with no target always runs. */
  private static boolean applies(Rule rule, Set<String> chosen) {
    String target = rule.attributes().get("target");
    return target == null || chosen.contains(target);
  }
}
