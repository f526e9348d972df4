package io.kubeattest.cli;

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
}
