package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.testing.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image hardening rules ({@code kubeattest/image-rules/}): every rule has a passing and a
 * failing example, an image-facts document of kind Image, and each gives that verdict.
 */
class ImageRuleExamplesTest {
  private static final String ROOT = "kubeattest/image-rules/";
  private static final RuleCatalogue CATALOGUE =
      RuleCatalogue.load(RuleLoader.resourceSources(ROOT));

  static Stream<String> ruleIds() {
    return CATALOGUE.descriptions().stream().map(Rule::id);
  }

  private static String example(String name) {
    try (InputStream in =
        ImageRuleExamplesTest.class
            .getClassLoader()
            .getResourceAsStream(ROOT + "examples/" + name)) {
      return new String(
          Objects.requireNonNull(in, "missing example " + name).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Finding> findings(String ruleId, String yaml) {
    return Manifests.scan(CATALOGUE, ruleId + ".yaml", yaml).findings().stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .toList();
  }

  @Test
  @DisplayName(
      "the image rules are object rules matching kind Image, and not in the built-in catalogue")
  void imageRulesStandApart() {
    assertThat(CATALOGUE.descriptions())
        .hasSize(10)
        .allSatisfy(r -> assertThat(r.subjectKind()).isEqualTo(SubjectKind.OBJECT));
    java.util.Set<String> imageRuleIds =
        CATALOGUE.descriptions().stream()
            .map(Rule::id)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(Manifests.builtInCatalogue().descriptions())
        .extracting(Rule::id)
        .noneMatch(imageRuleIds::contains);
  }

  @Test
  @DisplayName("index.txt lists every rule file of the folder, and every example belongs to a rule")
  void indexMatchesFolder() throws Exception {
    Path folder =
        Path.of(
                Objects.requireNonNull(
                        ImageRuleExamplesTest.class
                            .getClassLoader()
                            .getResource(ROOT + "index.txt"))
                    .toURI())
            .getParent();
    List<String> indexed =
        RuleLoader.resourceSources(ROOT).stream()
            .map(source -> source.name().substring(source.name().lastIndexOf('/') + 1))
            .sorted()
            .toList();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(
              files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted())
          .containsExactlyElementsOf(indexed);
    }
    List<String> ids = ruleIds().toList();
    try (Stream<Path> examples = Files.list(folder.resolve("examples"))) {
      assertThat(
              examples.map(
                  f -> f.getFileName().toString().replaceFirst("\\.(pass|fail)\\.yaml$", "")))
          .allSatisfy(id -> assertThat(ids).contains(id));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  @DisplayName("the passing example yields only PASS for the rule")
  void passingExamplePasses(String ruleId) {
    List<Finding> findings = findings(ruleId, example(ruleId + ".pass.yaml"));
    assertThat(findings)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  @DisplayName("the failing example yields FAIL with a located piece of evidence, and no ERROR")
  void failingExampleFails(String ruleId) {
    List<Finding> findings = findings(ruleId, example(ruleId + ".fail.yaml"));
    assertThat(findings)
        .extracting(Finding::status)
        .contains(Status.FAIL)
        .doesNotContain(Status.ERROR);
    assertThat(findings)
        .filteredOn(f -> f.status() == Status.FAIL)
        .allSatisfy(f -> assertThat(f.evidence().location()).isNotNull());
  }
}
