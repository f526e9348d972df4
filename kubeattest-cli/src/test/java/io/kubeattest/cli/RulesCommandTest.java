package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
  @Test
  @DisplayName("rules list prints a header and one line per rule")
  void list() {
    Cli cli = Cli.run("rules", "list");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out().lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).startsWith("ID"));
    assertThat(cli.out())
        .containsPattern(
            "container-privileged\\s+critical\\s+container\\s+cis-kubernetes-1.12,\\S*\\s+polaris,\\S*"
                + "\\s+Privileged container");
    assertThat(cli.out().lines().count()).isGreaterThanOrEqualTo(13);
  }

  @Test
  @DisplayName("rules list -o json lists id, severity, frameworks and equivalents")
  void listJson() throws Exception {
    JsonNode rules = new ObjectMapper().readTree(Cli.run("rules", "list", "-o", "json").out());
    JsonNode privileged = null;
    for (JsonNode rule : rules) {
      if (rule.get("id").asText().equals("container-privileged")) {
        privileged = rule;
      }
    }
    assertThat(privileged).isNotNull();
    assertThat(privileged.at("/frameworks/cis-kubernetes-1.12/0").asText()).isEqualTo("5.2.2");
    assertThat(privileged.at("/equivalents/trivy/0").asText()).isEqualTo("KSV-0017");
  }

  @Test
  @DisplayName("rules explain prints what, why, how to fix, the expression and both examples")
  void explain() {
    Cli cli = Cli.run("rules", "explain", "container-privileged");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .startsWith("container-privileged: Privileged container")
        .contains("Severity:     critical")
        .contains("What it checks:")
        .contains("How to fix:")
        .contains("validate: !securityContext.?privileged.orValue(false)")
        .contains("polaris: runAsPrivileged")
        .contains("Fails:")
        .contains("privileged: true")
        .contains("Passes:");
  }

  @Test
  @DisplayName("explaining an unknown rule is a one-line error, exit 2")
  void unknownRule() {
    Cli cli = Cli.run("rules", "explain", "no-such-rule");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo("error: no rule 'no-such-rule' (kubeattest rules list shows every id)\n");
  }
}
