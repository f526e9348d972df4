package io.kubeattest.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigAndExemptionsTest {
  private static final String PRIVILEGED =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: log-agent
        namespace: kube-system
        annotations:
          %s
      spec:
        template:
          metadata:
            annotations:
              %s
          spec:
            containers:
              - name: agent
                image: agent:1.0
                securityContext:
                  privileged: true
      """;

  private static List<Finding> scan(String config, String yaml, String ruleId) {
    ScanConfig parsed = new ConfigLoader().parse("kubeattest.yaml", config);
    return Manifests.scan(Manifests.builtInCatalogue(), parsed, "ds.yaml", yaml).findings().stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .toList();
  }

  private static String header(String body) {
    return "apiVersion: kubeattest.io/v1alpha1\nkind: Config\n" + body;
  }

  @Test
  @DisplayName("disable removes a rule; severity overrides change the finding's severity")
  void disableAndSeverity() {
    String config =
        header(
            """
            rules:
              disable: [container-liveness-probe]
              severity:
                container-privileged: medium
            """);
    String yaml = PRIVILEGED.formatted("{}", "{}").replace("annotations:\n    {}", "labels: {}");
    assertThat(scan(config, yaml, "container-liveness-probe")).isEmpty();
    assertThat(scan(config, yaml, "container-privileged"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  @DisplayName(
      "a config exemption matching rule, namespace glob and name glob gives EXEMPT with reason")
  void configExemption() {
    String config =
        header(
            """
            exemptions:
              - rule: container-privileged
                namespace: kube-*
                name: log-*
                kind: DaemonSet
                reason: node agent needs the host
                expires: 2999-12-31
            """);
    assertThat(scan(config, PRIVILEGED.formatted("{}", "{}"), "container-privileged"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.EXEMPT);
              assertThat(f.message())
                  .isEqualTo(
                      "exempted: node agent needs the host (kubeattest.yaml:4), until 2999-12-31");
            });
  }

  @Test
  @DisplayName("an expired exemption no longer applies, and the finding says it expired")
  void expiredExemption() {
    String config =
        header(
            """
            exemptions:
              - rule: "*"
                reason: temporary
                expires: 2020-01-31
            """);
    assertThat(scan(config, PRIVILEGED.formatted("{}", "{}"), "container-privileged"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.FAIL);
              assertThat(f.message())
                  .endsWith("[exemption at kubeattest.yaml:4 expired on 2020-01-31]");
            });
  }

  @Test
  @DisplayName("kubeattest.io/exempt annotations exempt the listed rules with their reason")
  void ownAnnotation() {
    String yaml =
        PRIVILEGED.formatted(
            "kubeattest.io/exempt: \"container-privileged, pod-host-pid\"\n"
                + "    kubeattest.io/exempt-reason: \"CNI plugin\"",
            "{}");
    assertThat(scan(header(""), yaml, "container-privileged"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo("exempted: CNI plugin (annotation kubeattest.io/exempt)"));
    assertThat(scan(header(""), yaml, "container-read-only-root-fs"))
        .extracting(Finding::status)
        .containsOnly(Status.FAIL);
  }

  @Test
  @DisplayName("Polaris and kube-score annotations exempt the rules that are the same check")
  void peerAnnotations() {
    String polaris =
        PRIVILEGED.formatted("{}", "polaris.fairwinds.com/runAsPrivileged-exempt: \"true\"");
    assertThat(scan(header(""), polaris, "container-privileged"))
        .extracting(Finding::status)
        .containsOnly(Status.EXEMPT);
    String kubeScore =
        PRIVILEGED.formatted("kube-score/ignore: container-security-context-privileged", "{}");
    assertThat(scan(header(""), kubeScore, "container-privileged"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).isEqualTo("exempted: annotation kube-score/ignore"));
  }

  @Test
  @DisplayName("annotationExemptions: false makes annotations powerless")
  void annotationsOff() {
    String yaml = PRIVILEGED.formatted("kubeattest.io/exempt: \"*\"", "{}");
    assertThat(scan(header("annotationExemptions: false\n"), yaml, "container-privileged"))
        .extracting(Finding::status)
        .containsOnly(Status.FAIL);
  }

  @Test
  @DisplayName("rule parameters and custom workload kinds from the config reach the rules")
  void paramsAndCustomWorkloads() {
    String config =
        header(
            """
            workloads:
              - apiVersion: example.com/v1
                kind: Worker
                podTemplate: spec.runner
            """);
    String yaml =
        """
        apiVersion: example.com/v1
        kind: Worker
        metadata: {name: w}
        spec:
          runner:
            spec:
              containers:
                - {name: c, image: "w:1", securityContext: {privileged: true}}
        """;
    assertThat(scan(config, yaml, "container-privileged"))
        .extracting(Finding::status)
        .containsOnly(Status.FAIL);
    assertThat(scan(header(""), yaml, "container-privileged")).isEmpty();
  }

  @Test
  @DisplayName("Argo Rollouts and Knative Services are workloads; a core Service is not")
  void builtInCustomResources() {
    String rollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r}
        spec:
          template:
            spec:
              containers: [{name: c, image: "r:1", securityContext: {privileged: true}}]
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: k}
        spec:
          template:
            spec:
              containers: [{name: c, image: "k:1", securityContext: {privileged: true}}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: core}
        spec:
          template: {spec: {containers: [{name: c, securityContext: {privileged: true}}]}}
        """;
    assertThat(scan(header(""), rollout, "container-privileged"))
        .extracting(f -> f.subject().object().name())
        .containsExactly("r", "k");
  }

  @Test
  @DisplayName("bad config files name the file and line")
  void badConfig() {
    ConfigLoader loader = new ConfigLoader();
    assertThatThrownBy(() -> loader.parse("k.yaml", header("rules:\n  disabel: [x]\n")))
        .isInstanceOf(InputException.class)
        .hasMessage("k.yaml:4: unknown field 'disabel'");
    assertThatThrownBy(
            () ->
                loader.parse(
                    "k.yaml",
                    header("exemptions:\n  - rule: a\n    reason: b\n    expires: soon\n")))
        .hasMessage("k.yaml:6: expires 'soon' is not a date (YYYY-MM-DD)");
    assertThatThrownBy(() -> loader.parse("k.yaml", header("exemptions:\n  - rule: a\n")))
        .hasMessage("k.yaml:4: exemption of a needs a reason");
    assertThatThrownBy(() -> loader.parse("k.yaml", "kind: Deployment\n"))
        .hasMessageContaining("expected apiVersion: kubeattest.io/v1alpha1 and kind: Config");
    assertThat(
            ConfigLoader.unknownRules(
                loader.parse("k.yaml", header("rules:\n  disable: [nope, a]\n")), Set.of("a")))
        .containsExactly("nope");
  }
}
