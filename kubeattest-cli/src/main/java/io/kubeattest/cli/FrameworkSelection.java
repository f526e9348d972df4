package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.frameworks.Framework;
import io.kubeattest.engine.frameworks.FrameworkCatalogue;
import io.kubeattest.engine.frameworks.FrameworkCoverage;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.frameworks.FrameworkScorer;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The frameworks of a run: the ones named by {@code --framework} (empty means "no control view"),
 * every built-in one for reports that show all scores, and the rules a selection limits the run to.
 */
record FrameworkSelection(
    FrameworkCatalogue catalogue, List<Framework> selected, List<Rule> rules) {

  /**
   * @throws KubeattestException naming an id that is not a framework
   */
  static FrameworkSelection of(List<String> ids, List<Rule> rules) {
    FrameworkCatalogue catalogue = FrameworkCatalogue.builtIn();
    List<Framework> selected = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      selected.add(
          catalogue
              .find(id)
              .orElseThrow(
                  () ->
                      new KubeattestException(
                          "unknown framework '"
                              + id
                              + "' (kubeattest frameworks list shows every id)")));
    }
    return new FrameworkSelection(catalogue, List.copyOf(selected), List.copyOf(rules));
  }

  boolean limited() {
    return !selected.isEmpty();
  }

  /** The rule ids that evidence some control of a selected framework. */
  Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Framework framework : selected) {
      ids.addAll(FrameworkCoverage.of(framework, rules).ruleIds());
    }
    return ids;
  }

  /** Scores of the selected frameworks, or of every framework when {@code all}. */
  List<FrameworkScore> scores(List<Finding> findings, boolean all) {
    List<Framework> frameworks = all && !limited() ? catalogue.frameworks() : selected;
    FrameworkScorer scorer = new FrameworkScorer();
    return frameworks.stream()
        .map(f -> scorer.score(FrameworkCoverage.of(f, rules), findings))
        .toList();
  }
}
