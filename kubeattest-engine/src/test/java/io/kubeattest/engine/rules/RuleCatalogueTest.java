package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.testing.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {
  private static final Path RULES = Path.of("src/main/resources/kubeattest/rules");

  @Test
  @DisplayName("the index lists exactly the rule files in the directory")
  void indexMatchesDirectory() throws IOException {
    List<String> indexed =
        RuleLoader.builtInSources().stream()
            .map(s -> s.name().substring("builtin:rules/".length()))
            .sorted()
            .toList();
    try (Stream<Path> files = Files.list(RULES)) {
      List<String> present =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .sorted()
              .toList();
      assertThat(indexed).isEqualTo(present);
    }
  }

  @Test
  @DisplayName("the built-in catalogue has the foundation slice of at least 12 rules")
  void builtInSlice() {
    assertThat(Manifests.builtInCatalogue().descriptions())
        .extracting(Rule::id)
        .contains(
            "container-privileged",
            "container-allow-privilege-escalation",
            "container-run-as-non-root",
            "container-read-only-root-fs",
            "container-capabilities-drop-all",
            "pod-host-network",
            "pod-host-pid",
            "pod-host-ipc",
            "pod-hostpath-volume",
            "container-image-tag",
            "container-cpu-limit",
            "container-memory-limit",
            "container-liveness-probe",
            "container-readiness-probe");
  }

  @Test
  @DisplayName("every built-in rule documents itself: description, remediation, equivalents")
  void rulesAreDocumented() {
    assertThat(Manifests.builtInCatalogue().descriptions())
        .allSatisfy(
            rule -> {
              assertThat(rule.description()).as(rule.id()).isNotBlank();
              assertThat(rule.remediation()).as(rule.id()).isNotBlank();
              assertThat(rule.equivalents()).as(rule.id()).isNotEmpty();
            });
  }

  @Test
  @DisplayName("a user rule reusing a built-in id is refused, naming both places")
  void duplicateIdsAreRefused() {
    List<RuleLoader.RuleSource> sources = new java.util.ArrayList<>(RuleLoader.builtInSources());
    sources.add(
        new RuleLoader.RuleSource(
            "mine.yaml",
            """
            apiVersion: kubeattest.io/v1alpha1
            kind: RuleSet
            rules:
              - id: container-privileged
                title: Mine
                severity: low
                subject: container
                validate: "true"
            """));
    assertThatThrownBy(() -> RuleCatalogue.load(sources))
        .isInstanceOf(RuleException.class)
        .hasMessageStartingWith(
            "mine.yaml:4: rule id 'container-privileged' is already defined at builtin:");
  }

  @Test
  @DisplayName("the digest changes when any rule text changes")
  void digestFollowsContent() {
    String yaml =
        """
        apiVersion: kubeattest.io/v1alpha1
        kind: RuleSet
        rules:
          - {id: a-rule, title: A, severity: low, subject: object, validate: "true"}
        """;
    String first = RuleCatalogue.load(List.of(new RuleLoader.RuleSource("a.yaml", yaml))).digest();
    String same = RuleCatalogue.load(List.of(new RuleLoader.RuleSource("a.yaml", yaml))).digest();
    String changed =
        RuleCatalogue.load(
                List.of(new RuleLoader.RuleSource("a.yaml", yaml.replace("low", "high"))))
            .digest();
    assertThat(first).startsWith("sha256:").isEqualTo(same).isNotEqualTo(changed);
  }
}
