package io.kubeattest.cli;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the rule catalogue of a run: the built-in rules plus every --rules directory. */
final class Catalogues {
  private Catalogues() {}

  static RuleCatalogue load(List<Path> directories) {
    List<RuleLoader.RuleSource> sources = new ArrayList<>(RuleLoader.builtInSources());
    for (Path directory : directories) {
      sources.addAll(RuleLoader.directorySources(directory));
    }
    return RuleCatalogue.load(sources);
  }

  /**
   * The documentation of every rule a framework can be evidenced by: the built-in rules, the checks
   * of the newest CIS node benchmark, and every --rules directory.
   */
  static List<io.kubeattest.engine.model.Rule> everyRule(List<Path> directories) {
    List<io.kubeattest.engine.model.Rule> rules = new ArrayList<>(load(directories).descriptions());
    rules.addAll(
        RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"))
            .descriptions());
    return rules;
  }

  /**
   * A CIS benchmark's checks (e.g. {@code cis-1.12}) plus every --rules directory.
   *
   * @throws InputException when the benchmark is not shipped
   */
  static RuleCatalogue loadBenchmark(String benchmark, List<Path> directories) {
    if (!BenchmarkSelection.SHIPPED.contains(benchmark)) {
      throw new InputException(
          "unknown benchmark '"
              + benchmark
              + "' (expected one of "
              + BenchmarkSelection.SHIPPED
              + ")");
    }
    List<RuleLoader.RuleSource> sources =
        new ArrayList<>(RuleLoader.resourceSources("kubeattest/benchmarks/" + benchmark + "/"));
    for (Path directory : directories) {
      sources.addAll(RuleLoader.directorySources(directory));
    }
    return RuleCatalogue.load(sources);
  }

  /** The benchmark a check's rule id belongs to ({@code cis-k8s-1-12-1-2-1} -> cis-1.12). */
  static java.util.Optional<String> benchmarkOf(String ruleId) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("cis-k8s-(\\d+)-(\\d+)-.*").matcher(ruleId);
    return m.matches()
        ? java.util.Optional.of("cis-" + m.group(1) + "." + m.group(2))
        : java.util.Optional.empty();
  }
}
