package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
  private static List<CompiledRule> compile(String yaml) {
    return new RuleLoader().compile(new RuleLoader.RuleSource("team/rules.yaml", yaml));
  }

  private static String rule(String fields) {
    return """
        apiVersion: kubeattest.io/v1alpha1
        kind: RuleSet
        metadata: {name: team}
        rules:
          - id: team-rule
            title: Team rule
            severity: high
            subject: container
        """
        + fields.indent(4);
  }

  @Test
  @DisplayName("a CEL syntax error names the rule file, the line of the expression, and the rule")
  void compileErrorNamesFileAndLine() {
    assertThatThrownBy(() -> compile(rule("validate: \"container.image.startsWith(\"")))
        .isInstanceOf(RuleException.class)
        .hasMessageStartingWith("team/rules.yaml:9: rule team-rule: validate does not compile:");
  }

  @Test
  @DisplayName("an undeclared variable is a compile error, not an evaluation error")
  void undeclaredVariable() {
    assertThatThrownBy(() -> compile(rule("validate: \"contaner.image != ''\"")))
        .isInstanceOf(RuleException.class)
        .hasMessageContaining("team/rules.yaml:9:")
        .hasMessageContaining("undeclared reference to 'contaner'");
  }

  @Test
  @DisplayName("a validate expression that is not boolean is refused at load")
  void nonBooleanValidate() {
    assertThatThrownBy(() -> compile(rule("validate: \"'text'\"")))
        .isInstanceOf(RuleException.class)
        .hasMessageContaining("expression has type string, expected bool");
  }

  @Test
  @DisplayName("an unknown field is refused with its line, so typos do not silently disable checks")
  void unknownField() {
    assertThatThrownBy(() -> compile(rule("validate: \"true\"\nseverty: low")))
        .isInstanceOf(RuleException.class)
        .hasMessage("team/rules.yaml:10: unknown field 'severty'");
  }

  @Test
  @DisplayName("a missing validate and a bad severity are named")
  void missingFields() {
    assertThatThrownBy(() -> compile(rule("message: \"'x'\"")))
        .hasMessageContaining("rule is missing 'validate'");
    assertThatThrownBy(
            () -> compile(rule("validate: \"true\"").replace("severity: high", "severity: huge")))
        .hasMessageContaining("unknown severity 'huge'");
  }

  @Test
  @DisplayName("a wrong envelope is refused")
  void wrongEnvelope() {
    assertThatThrownBy(() -> compile("apiVersion: v1\nkind: ConfigMap\n"))
        .isInstanceOf(RuleException.class)
        .hasMessageContaining("expected apiVersion: kubeattest.io/v1alpha1 and kind: RuleSet");
  }

  @Test
  @DisplayName("an evaluation error is an ERROR finding for that subject only")
  void evaluationErrorIsPerSubject() {
    RuleCatalogue catalogue =
        RuleCatalogue.load(
            List.of(
                new RuleLoader.RuleSource(
                    "team/rules.yaml",
                    rule(
                        "validate: \"quantity(container.resources.limits.cpu).isLessThan(quantity('2'))\""))));
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: good, image: a:1, resources: {limits: {cpu: 500m}}}
            - {name: bad, image: a:1, resources: {limits: {cpu: lots}}}
            - {name: big, image: a:1, resources: {limits: {cpu: "4"}}}
        """;
    List<Finding> findings = Manifests.scan(catalogue, "pod.yaml", yaml).findings();
    assertThat(findings)
        .extracting(f -> f.subject().container() + "=" + f.status())
        .containsExactly("good=PASS", "bad=ERROR", "big=FAIL");
    assertThat(findings.get(1).message()).contains("'lots' is not a Kubernetes quantity");
  }

  @Test
  @DisplayName("optional syntax and the quantity helpers work as in Kubernetes CEL")
  void optionalsAndQuantities() {
    RuleCatalogue catalogue =
        RuleCatalogue.load(
            List.of(
                new RuleLoader.RuleSource(
                    "team/rules.yaml",
                    rule(
                        "validate: \"quantity(container.?resources.?limits.?memory.orValue('0'))"
                            + ".isGreaterThan(quantity('500M'))\""))));
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: gi, image: a:1, resources: {limits: {memory: 1Gi}}}
            - {name: mi, image: a:1, resources: {limits: {memory: 256Mi}}}
            - {name: none, image: a:1}
        """;
    assertThat(Manifests.scan(catalogue, "pod.yaml", yaml).findings())
        .extracting(f -> f.subject().container() + "=" + f.status())
        .containsExactly("gi=PASS", "mi=FAIL", "none=FAIL");
  }

  @Test
  @DisplayName("failStatus WARN turns a false result into WARN; a message expression explains it")
  void warnAndMessage() {
    RuleCatalogue catalogue =
        RuleCatalogue.load(
            List.of(
                new RuleLoader.RuleSource(
                    "team/rules.yaml",
                    rule(
                        """
                        validate: "container.image.startsWith('registry.example.com/')"
                        failStatus: WARN
                        message: "'untrusted registry: ' + container.image"
                        evidence: [container.image]
                        """))));
    List<Finding> findings =
        Manifests.scan(
                catalogue,
                "pod.yaml",
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: c, image: docker.io/nginx:1}
                """)
            .findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.WARN);
              assertThat(f.message()).isEqualTo("untrusted registry: docker.io/nginx:1");
              assertThat(f.evidence().path()).isEqualTo("spec.containers[0].image");
              assertThat(f.evidence().value()).isEqualTo("docker.io/nginx:1");
              assertThat(f.evidence().location()).hasToString("pod.yaml:6");
            });
  }
}
