package io.kubeattest.engine.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The build-time check between frameworks and rules: it loads every rule folder with an {@code
 * index.txt} under {@code kubeattest/} on the class path (built-in rules, benchmark checks, ...),
 * so rules added anywhere are held to the frameworks they name.
 */
class BuiltInFrameworksConsistencyTest {
  private static final FrameworkCatalogue FRAMEWORKS = FrameworkCatalogue.builtIn();

  static List<Rule> everyBuiltInRule() throws IOException, URISyntaxException {
    List<RuleLoader.RuleSource> sources = new ArrayList<>();
    Set<String> folders = new java.util.TreeSet<>();
    var roots = BuiltInFrameworksConsistencyTest.class.getClassLoader().getResources("kubeattest/");
    while (roots.hasMoreElements()) {
      URL base = roots.nextElement();
      if (!base.getProtocol().equals("file")) {
        continue;
      }
      Path root = Path.of(base.toURI());
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(p -> p.getFileName().toString().equals("index.txt"))
            .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/'))
            .filter(folder -> !folder.isEmpty() && !folder.startsWith("frameworks"))
            .forEach(folders::add);
      }
    }
    for (String folder : folders) {
      RuleLoader.resourceSources("kubeattest/" + folder + "/").stream()
          .filter(s -> s.text().contains("kind: RuleSet"))
          .forEach(sources::add);
    }
    assertThat(folders).contains("rules");
    return RuleCatalogue.load(sources).descriptions();
  }

  @Test
  @DisplayName("every rule a framework file names exists in the built-in catalogue")
  void frameworkRulesExist() throws Exception {
    List<Rule> rules = everyBuiltInRule();
    List<String> missing = new ArrayList<>();
    for (Framework framework : FRAMEWORKS.frameworks()) {
      FrameworkCoverage.of(framework, rules).missingRules().stream()
          .map(m -> framework.id() + ": " + m)
          .forEach(missing::add);
    }
    assertThat(missing).as("framework controls naming rules that do not exist").isEmpty();
  }

  @Test
  @DisplayName(
      "every control a rule names is defined by its framework, and every framework key is known")
  void ruleControlsExist() throws Exception {
    List<Rule> rules = everyBuiltInRule();
    Set<String> known =
        FRAMEWORKS.frameworks().stream().map(Framework::id).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Rule rule : rules) {
      for (String key : rule.frameworks().keySet()) {
        if (!known.contains(key)) {
          problems.add(rule.id() + ": unknown framework '" + key + "' (" + rule.source() + ")");
        }
      }
    }
    for (Framework framework : FRAMEWORKS.frameworks()) {
      FrameworkCoverage.of(framework, rules).undefinedControls().stream()
          .map(u -> framework.id() + ": " + u)
          .forEach(problems::add);
    }
    assertThat(problems).as("rules naming controls their framework does not define").isEmpty();
  }

  @Test
  @DisplayName("the coverage check reports a rule naming an undefined control and a missing rule")
  void checkCanFail() {
    Framework framework = FRAMEWORKS.find("soc2").orElseThrow();
    Rule rogue =
        new Rule(
            "rogue-rule",
            "Rogue",
            io.kubeattest.engine.model.Severity.LOW,
            io.kubeattest.engine.model.SubjectKind.OBJECT,
            "",
            "",
            List.of(),
            java.util.Map.of("soc2", List.of("CC99.9")),
            java.util.Map.of(),
            java.util.Map.of(),
            false,
            new io.kubeattest.engine.model.SourceLocation("x.yaml", 1, 1));
    FrameworkCoverage coverage = FrameworkCoverage.of(framework, List.of(rogue));
    assertThat(coverage.undefinedControls()).containsExactly("rogue-rule -> CC99.9");
    assertThat(coverage.outOfScopeRules()).containsExactly("rogue-rule");
  }
}
