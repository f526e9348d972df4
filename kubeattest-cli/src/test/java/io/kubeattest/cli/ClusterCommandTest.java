package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeattest cluster} against a mock API server holding a realistic cluster. */
class ClusterCommandTest {
  private static MockCluster cluster;
  @TempDir static Path dir;
  private static Path kubeconfig;

  @BeforeAll
  static void start() {
    cluster = new MockCluster().load("/cluster/realistic.yaml");
    kubeconfig = cluster.kubeconfig(dir);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static JsonNode json(Cli cli) throws Exception {
    return new ObjectMapper().readTree(cli.out());
  }

  private static List<JsonNode> findings(JsonNode report, String rule, String status) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode finding : report.path("findings")) {
      if (finding.path("ruleId").asText().equals(rule)
          && finding.path("status").asText().equals(status)) {
        found.add(finding);
      }
    }
    return found;
  }

  private static List<String> names(List<JsonNode> findings) {
    return findings.stream()
        .map(
            f ->
                f.path("subject").path("objectKind").asText()
                    + " "
                    + f.path("subject").path("namespace").asText("")
                    + "/"
                    + f.path("subject").path("name").asText())
        .toList();
  }

  @Test
  @DisplayName("reads every namespace, kube-system too, and judges workloads like manifests")
  void judgesWorkloads() throws Exception {
    Cli cli = Cli.run("cluster", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode report = json(cli);
    assertThat(report.path("scan").path("kind").asText()).isEqualTo("cluster");
    assertThat(names(findings(report, "container-privileged", "FAIL")))
        .containsExactlyInAnyOrder("DaemonSet kube-system/kube-proxy", "Deployment legacy/shop");
    assertThat(names(findings(report, "pod-host-pid", "FAIL")))
        .containsExactly("Pod legacy/debug-shell");
    assertThat(names(findings(report, "namespace-network-policy", "FAIL")))
        .contains("Namespace /legacy", "Namespace /kube-system")
        .doesNotContain("Namespace /payments");
    assertThat(names(findings(report, "pod-network-policy", "PASS")))
        .containsExactly("Deployment payments/api");
    assertThat(names(findings(report, "namespace-psa-labels", "FAIL")))
        .containsExactlyInAnyOrder("Namespace /kube-system", "Namespace /legacy");
    assertThat(names(findings(report, "namespace-psa-labels", "PASS")))
        .containsExactly("Namespace /payments");
  }

  @Test
  @DisplayName("a pod or ReplicaSet that repeats its controller's template is judged once")
  void ownedObjectsAreJudgedThroughTheirOwner() throws Exception {
    JsonNode report = json(Cli.run("cluster", "--kubeconfig", kubeconfig.toString(), "-o", "json"));
    List<String> subjects = new ArrayList<>();
    report.path("findings").forEach(f -> subjects.add(f.path("subject").path("name").asText()));
    assertThat(subjects)
        .contains("shop", "debug-shell")
        .doesNotContain("shop-5d9c7", "shop-5d9c7-abcde");
  }

  @Test
  @DisplayName("no secret value and no ConfigMap value reaches the report")
  void secretValuesNeverReachTheReport() {
    Cli cli =
        Cli.run("cluster", "--kubeconfig", kubeconfig.toString(), "-o", "json", "--show-passed");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out() + cli.err())
        .doesNotContain("aHVudGVyMi1zdXBlci1zZWNyZXQ=")
        .doesNotContain("hunter2")
        .doesNotContain("plain-text-token-value");
  }

  @Test
  @DisplayName("--fail-on high exits 1 on this cluster; the input names the server")
  void exitCodeFollowsFindings() throws Exception {
    Cli cli =
        Cli.run(
            "cluster", "--kubeconfig", kubeconfig.toString(), "-o", "json", "--fail-on", "high");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(json(cli).path("scan").path("inputs").get(0).asText())
        .startsWith("http://")
        .contains("context mock");
  }

  @Test
  @DisplayName("--exclude-namespaces leaves kube-system out; --include-namespaces keeps only those")
  void namespaceGlobs() throws Exception {
    JsonNode excluded =
        json(
            Cli.run(
                "cluster",
                "--kubeconfig",
                kubeconfig.toString(),
                "-o",
                "json",
                "--exclude-namespaces",
                "kube-*"));
    assertThat(
            StreamSupport.stream(excluded.path("findings").spliterator(), false)
                .map(f -> f.path("subject").path("namespace").asText("")))
        .doesNotContain("kube-system")
        .contains("legacy");
    JsonNode included =
        json(
            Cli.run(
                "cluster",
                "--kubeconfig",
                kubeconfig.toString(),
                "-o",
                "json",
                "--include-namespaces",
                "pay*"));
    assertThat(
            StreamSupport.stream(included.path("findings").spliterator(), false)
                .map(f -> f.path("subject").path("namespace").asText(""))
                .filter(ns -> !ns.isEmpty()))
        .containsOnly("payments");
  }

  @Test
  @DisplayName("KUBECONFIG from the environment is used when --kubeconfig is not given")
  void kubeconfigFromEnvironment() {
    Cli cli =
        Cli.run(
            java.io.InputStream.nullInputStream(),
            java.util.Map.of("KUBECONFIG", kubeconfig.toString()),
            "cluster",
            "-o",
            "json");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"container-privileged\"");
  }

  @Test
  @DisplayName("an unreachable API server is a one-line error and exit code 2")
  void unreachableServer() throws Exception {
    Path file = dir.resolve("dead-kubeconfig");
    java.nio.file.Files.writeString(
        file,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: x\n  cluster: {server: \"http://127.0.0.1:1\"}\n"
            + "users:\n- name: u\n  user: {token: t}\ncontexts:\n- name: x\n  context: {cluster: x, user: u}\n"
            + "current-context: x\n");
    Cli cli = Cli.run("cluster", "--kubeconfig", file.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: http://127.0.0.1:1: cannot reach the API server");
    assertThat(cli.err().strip().lines()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a kind the credentials may not list is named; the scan goes on and exits as findings say")
  void forbiddenKindIsNamed() throws Exception {
    try (MockCluster restricted = new MockCluster().load("/cluster/realistic.yaml")) {
      restricted
          .server
          .expect()
          .get()
          .withPath("/api/v1/secrets?limit=500")
          .andReturn(
              403,
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                  + "\"reason\":\"Forbidden\",\"code\":403}")
          .always();
      Path config = restricted.kubeconfig(java.nio.file.Files.createTempDirectory(dir, "r"));
      Cli cli = Cli.run("cluster", "--kubeconfig", config.toString(), "-o", "json");
      assertThat(cli.exitCode()).as(cli.err()).isZero();
      assertThat(cli.err()).contains("cannot list secrets: forbidden (403)");
      JsonNode notes = json(cli).path("notes");
      assertThat(notes).hasSize(1);
      assertThat(notes.get(0).path("kind").asText()).isEqualTo("SKIPPED");
      assertThat(notes.get(0).path("message").asText())
          .isEqualTo("cannot list secrets: forbidden (403)");
      // the rest was read: the workloads were judged
      assertThat(names(findings(json(cli), "container-privileged", "FAIL")))
          .contains("Deployment legacy/shop");
      Cli table = Cli.run("cluster", "--kubeconfig", config.toString());
      assertThat(table.err()).contains("note: ").contains("cannot list secrets: forbidden (403)");
    }
  }

  @Test
  @DisplayName("RBAC: cluster-admin on a default service account, and the workloads that mount it")
  void rbacFindings() throws Exception {
    JsonNode report = json(Cli.run("cluster", "--kubeconfig", kubeconfig.toString(), "-o", "json"));
    assertThat(names(findings(report, "rbac-cluster-admin-binding", "FAIL")))
        .containsExactly("ClusterRoleBinding /legacy-admin");
    assertThat(names(findings(report, "rbac-default-service-account-binding", "FAIL")))
        .containsExactly("ClusterRoleBinding /legacy-admin");
    List<JsonNode> risky = findings(report, "workload-rbac-risk", "FAIL");
    assertThat(names(risky))
        .containsExactlyInAnyOrder("Deployment legacy/shop", "Pod legacy/debug-shell");
    assertThat(risky.get(0).path("message").asText())
        .contains("service account legacy/default can everything (* on *)")
        .contains(
            "via ClusterRoleBinding legacy-admin -> ClusterRole cluster-admin in every namespace");
    // kube-system's own roles and bindings are not findings
    assertThat(names(findings(report, "rbac-wildcard", "FAIL"))).isEmpty();
    assertThat(names(findings(report, "workload-rbac-risk", "PASS")))
        .contains("Deployment kube-system/coredns", "Deployment payments/api");
  }

  @Test
  @DisplayName("who-can names each subject and its path binding -> role")
  void whoCan() {
    Cli cli =
        Cli.run("cluster", "who-can", "get", "secrets", "--kubeconfig", kubeconfig.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .isEqualTo(
            "Who may get secrets:\n"
                + "ServiceAccount legacy/default\n"
                + "  in every namespace: ClusterRoleBinding legacy-admin -> ClusterRole cluster-admin\n");
    Cli configmaps =
        Cli.run(
            "cluster",
            "who-can",
            "get",
            "configmaps",
            "-n",
            "payments",
            "--kubeconfig",
            kubeconfig.toString());
    assertThat(configmaps.out())
        .contains(
            "ServiceAccount payments/api\n"
                + "  in namespace payments: RoleBinding payments/api-config-reader -> Role payments/api-config-reader\n");
    Cli nobody =
        Cli.run(
            "cluster",
            "who-can",
            "create",
            "pods/exec",
            "-n",
            "payments",
            "--kubeconfig",
            kubeconfig.toString());
    assertThat(nobody.out()).contains("ServiceAccount legacy/default");
    Cli none =
        Cli.run("cluster", "who-can", "escalate", "widgets", "--kubeconfig", kubeconfig.toString());
    assertThat(none.out()).contains("ServiceAccount legacy/default");
  }

  @Test
  @DisplayName(
      "exposure: the LoadBalancer-fronted privileged workload with a cluster-admin account")
  void exposure() throws Exception {
    JsonNode report = json(Cli.run("cluster", "--kubeconfig", kubeconfig.toString(), "-o", "json"));
    JsonNode shop =
        findings(report, "container-privileged", "FAIL").stream()
            .filter(f -> f.path("subject").path("name").asText().equals("shop"))
            .findFirst()
            .orElseThrow()
            .path("exposure");
    assertThat(shop.path("external").asBoolean()).isTrue();
    assertThat(shop.path("via").toString()).isEqualTo("[\"Service legacy/shop (LoadBalancer)\"]");
    assertThat(shop.path("blastRadius").toString())
        .isEqualTo(
            "[\"privileged container shop\",\"service account legacy/default can everything (* on *),"
                + " bind/escalate/impersonate, exec/attach into pods, create pods, read secrets,"
                + " manage admission webhooks, nodes/proxy\"]");
    JsonNode proxy = findings(report, "pod-host-network", "FAIL").get(0).path("exposure");
    assertThat(proxy.path("external").asBoolean()).isTrue();
    assertThat(proxy.path("via").toString()).isEqualTo("[\"hostNetwork\"]");
    // the hardened workload has nothing to say: no exposure field
    assertThat(findings(report, "pod-network-policy", "PASS").get(0).has("exposure")).isFalse();
  }

  @Test
  @DisplayName("a kubeconfig that does not exist is a one-line error naming it, exit code 2")
  void missingKubeconfig() {
    Cli cli = Cli.run("cluster", "--kubeconfig", dir.resolve("nope").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo("error: " + dir.resolve("nope") + ": no such kubeconfig file\n");
  }
}
