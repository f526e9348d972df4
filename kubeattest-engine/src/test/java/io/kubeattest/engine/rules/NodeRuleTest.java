package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.scan.RuleEvaluator;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.Positions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Node rules: manual checks, skip reasons, and evidence read from the node's facts. */
class NodeRuleTest {
  private static final String HEADER =
      """
      apiVersion: kubeattest.io/v1alpha1
      kind: RuleSet
      rules:
      """;

  private static final String FILE_RULE =
      """
        - id: node-file
          title: File mode
          severity: medium
          subject: node
          skip: "node.fileOf[?'conf'].?exists.orValue(false) ? '' : node.paths.conf + ': not found'"
          validate: "modeAtMost(node.fileOf.conf.mode, '600')"
          message: "node.fileOf.conf.path + ' has mode ' + node.fileOf.conf.mode"
          evidence: [node.fileOf.conf.mode]
        - id: node-manual
          title: A person decides
          severity: low
          subject: node
          manual: true
      """;

  private static List<Finding> scan(Map<String, Object> file) {
    RuleCatalogue catalogue =
        RuleCatalogue.load(List.of(new RuleLoader.RuleSource("node.yaml", HEADER + FILE_RULE)));
    Map<String, Object> facts =
        Map.of("paths", Map.of("conf", "/etc/x.conf"), "fileOf", Map.of("conf", file));
    Subject node =
        new Subject(
            new SubjectRef(
                SubjectKind.NODE, "node/n", new ObjectRef("v1", "Node", null, "n"), null, null),
            Map.of("node", facts),
            Map.of("node", List.of(FieldPath.root())),
            null,
            Positions.NONE);
    return new RuleEvaluator(catalogue).evaluate(node);
  }

  @Test
  @DisplayName(
      "a file check passes 0400, fails 0640 with the file named, and shows the mode as evidence")
  void fileMode() {
    Finding pass = scan(Map.of("path", "/etc/x.conf", "exists", true, "mode", "0400")).get(0);
    assertThat(pass.status()).isEqualTo(Status.PASS);
    assertThat(pass.evidence().value()).isEqualTo("0400");
    Finding fail = scan(Map.of("path", "/etc/x.conf", "exists", true, "mode", "0640")).get(0);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.message()).isEqualTo("/etc/x.conf has mode 0640");
    assertThat(fail.evidence().path()).isEqualTo("fileOf.conf.mode");
  }

  @Test
  @DisplayName("a missing file is SKIP with the skip expression's reason, never FAIL")
  void missingFileIsSkipped() {
    Finding skip = scan(Map.of("path", "/etc/x.conf", "exists", false)).get(0);
    assertThat(skip.status()).isEqualTo(Status.SKIP);
    assertThat(skip.message()).isEqualTo("/etc/x.conf: not found");
  }

  @Test
  @DisplayName("a manual rule has no validate and is WARN")
  void manualRule() {
    Finding manual = scan(Map.of("exists", false)).get(1);
    assertThat(manual.ruleId()).isEqualTo("node-manual");
    assertThat(manual.status()).isEqualTo(Status.WARN);
    assertThat(manual.message()).isEqualTo("manual check: A person decides");
  }

  @Test
  @DisplayName("a manual rule with a validate, or a non-string skip, is refused at load")
  void badManualOrSkip() {
    String manualWithValidate =
        HEADER
            + """
              - id: m
                title: M
                severity: low
                subject: node
                manual: true
                validate: "true"
            """;
    assertThatThrownBy(
            () -> new RuleLoader().compile(new RuleLoader.RuleSource("m.yaml", manualWithValidate)))
        .isInstanceOf(RuleException.class)
        .hasMessage(
            "m.yaml:9: rule m: a manual rule has no validate (a person decides; the finding is"
                + " WARN)");
    String badSkip =
        HEADER
            + """
              - id: s
                title: S
                severity: low
                subject: node
                skip: "true"
                validate: "true"
            """;
    assertThatThrownBy(() -> new RuleLoader().compile(new RuleLoader.RuleSource("s.yaml", badSkip)))
        .isInstanceOf(RuleException.class)
        .hasMessageContaining("skip does not compile: expression has type bool, expected string");
  }
}
