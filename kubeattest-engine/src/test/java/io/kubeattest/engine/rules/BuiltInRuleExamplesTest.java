package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in rule ships a passing and a failing example, and each gives that verdict. */
class BuiltInRuleExamplesTest {
  static Stream<String> ruleIds() {
    return Manifests.builtInCatalogue().descriptions().stream().map(Rule::id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  @DisplayName("the passing example yields only PASS for the rule")
  void passingExamplePasses(String ruleId) {
    String yaml = RuleExamples.passing(ruleId).orElseThrow(() -> missing(ruleId, "pass"));
    List<Finding> findings = Manifests.findings(ruleId, yaml);
    assertThat(findings).as("findings of %s on its passing example", ruleId).isNotEmpty();
    assertThat(findings)
        .as("findings of %s on its passing example", ruleId)
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  @DisplayName("the failing example yields at least one FAIL, and no ERROR")
  void failingExampleFails(String ruleId) {
    String yaml = RuleExamples.failing(ruleId).orElseThrow(() -> missing(ruleId, "fail"));
    List<Finding> findings = Manifests.findings(ruleId, yaml);
    assertThat(findings).extracting(Finding::status).contains(Status.FAIL);
    assertThat(findings).extracting(Finding::status).doesNotContain(Status.ERROR);
    assertThat(findings)
        .filteredOn(f -> f.status() == Status.FAIL)
        .allSatisfy(f -> assertThat(f.evidence().location()).isNotNull());
  }

  private static AssertionError missing(String ruleId, String kind) {
    return new AssertionError(
        "rule "
            + ruleId
            + " has no "
            + kind
            + " example: add kubeattest/rules/examples/"
            + ruleId
            + "."
            + kind
            + ".yaml");
  }
}
