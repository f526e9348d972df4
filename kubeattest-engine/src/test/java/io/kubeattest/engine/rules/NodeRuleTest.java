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

  /** A subject of kind node whose facts are {@code facts}. */
  private static Subject nodeSubject(Map<String, Object> facts) {
    return new Subject(
        new SubjectRef(
            SubjectKind.NODE, "node/n", new ObjectRef("v1", "Node", null, "n"), null, null),
        Map.of("node", facts),
        Map.of("node", List.of(FieldPath.root())),
        null,
        Positions.NONE);
  }

  private static List<Finding> scan(Map<String, Object> file) {
    RuleCatalogue catalogue =
        RuleCatalogue.load(List.of(new RuleLoader.RuleSource("node.yaml", HEADER + FILE_RULE)));
    Map<String, Object> facts =
        Map.of("paths", Map.of("conf", "/etc/x.conf"), "fileOf", Map.of("conf", file));
    Subject node = nodeSubject(facts);
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

  /** The bundled CIS 1.12 section 2 rules on a node whose etcd has {@code etcd} as its fact. */
  private static Map<String, Finding> etcdChecks(Map<String, Object> etcd) {
    RuleCatalogue catalogue =
        RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"));
    Map<String, Object> facts =
        Map.of(
            "components",
            Map.of("etcd", etcd, "apiserver", Map.of("running", false, "flag", Map.of())));
    Subject node = nodeSubject(facts);
    Map<String, Finding> byCheck = new java.util.TreeMap<>();
    for (Finding finding : new RuleEvaluator(catalogue).evaluate(node)) {
      if (finding.ruleId().startsWith("cis-k8s-1-12-2-")) {
        byCheck.put(finding.ruleId().substring("cis-k8s-1-12-".length()), finding);
      }
    }
    return byCheck;
  }

  @Test
  @DisplayName(
      "etcd checks: a config file etcd was given but that was not read makes all seven SKIP, naming it")
  void etcdConfigFileNotRead() {
    Map<String, Object> etcd =
        Map.of(
            "running",
            true,
            "settings",
            Map.of(),
            "flagShown",
            Map.of(),
            "configFile",
            Map.of("path", "/etc/etcd/etcd.yaml", "loaded", false, "error", "not found"));
    Map<String, Finding> findings = etcdChecks(etcd);
    assertThat(findings).hasSize(7);
    findings.values().forEach(f -> assertThat(f.status()).isEqualTo(Status.SKIP));
    assertThat(findings.get("2-3").message()).isEqualTo("/etc/etcd/etcd.yaml: not found");
    assertThat(findings.get("2-3").evidence().value()).isEqualTo("/etc/etcd/etcd.yaml");
  }

  @Test
  @DisplayName(
      "etcd checks: a read config file decides, shown through flagShown; without flagShown the setting is the evidence")
  void etcdEvidence() {
    Map<String, Object> fromFile =
        Map.of(
            "running",
            true,
            "settings",
            Map.of("auto-tls", "true"),
            "flagShown",
            Map.of("auto-tls", "--auto-tls=true (etcd config file /etc/etcd/etcd.yaml)"),
            "configFile",
            Map.of("path", "/etc/etcd/etcd.yaml", "loaded", true));
    Finding fails = etcdChecks(fromFile).get("2-3");
    assertThat(fails.status()).isEqualTo(Status.FAIL);
    assertThat(fails.evidence().value())
        .isEqualTo("--auto-tls=true (etcd config file /etc/etcd/etcd.yaml)");

    Map<String, Object> fromEnvironment =
        Map.of("running", true, "settings", Map.of("auto-tls", "false"), "flagShown", Map.of());
    Finding passes = etcdChecks(fromEnvironment).get("2-3");
    assertThat(passes.status()).isEqualTo(Status.PASS);
    assertThat(passes.evidence().path()).isEqualTo("components.etcd.settings.auto-tls");
    assertThat(passes.evidence().value()).isEqualTo("false");
  }
}
