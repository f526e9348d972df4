package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import io.kubeattest.engine.scan.RuleEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What k3s and rke2 pass to the components they run by default is the lowest layer of their flags
 * (docs/cis-node.md, "k3s and rke2 defaults"): a check passes on a documented default and says so
 * in its evidence, and a value the user gives still decides.
 */
@DisplayName("k3s and rke2 defaults: the lowest layer under config.yaml and the command line")
class SupervisorDefaultsTest {
  private static RuleCatalogue catalogue;
  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    catalogue = RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"));
  }

  private Map<String, Finding> scan(NodeTreeFixture node) {
    return new RuleEvaluator(catalogue)
        .evaluate(NodeSubjectFactory.subject(node.collect(), "node")).stream()
            .collect(Collectors.toMap(f -> CisBenchmarkVerdictTest.checkId(f.ruleId()), f -> f));
  }

  private Map<String, Finding> k3s(String config, String... args) {
    return scan(NodeTreeFixture.k3sServerNode(tmp, config, List.of(args)));
  }

  @ParameterizedTest(name = "{0}: PASS on {1}; {2} gives {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.1  | --anonymous-auth=false (k3s default)                  | --kube-apiserver-arg=anonymous-auth=true             | WARN | --anonymous-auth=true",
        "1.2.6  | --authorization-mode=Node,RBAC (k3s default)          | --kube-apiserver-arg=authorization-mode=AlwaysAllow  | FAIL | --authorization-mode=AlwaysAllow",
        "1.2.7  | --authorization-mode=Node,RBAC (k3s default)          | --kube-apiserver-arg=authorization-mode=RBAC         | FAIL | --authorization-mode=RBAC",
        "1.2.8  | --authorization-mode=Node,RBAC (k3s default)          | --kube-apiserver-arg=authorization-mode=Node         | FAIL | --authorization-mode=Node",
        "1.2.14 | --enable-admission-plugins=NodeRestriction (k3s default) | --kube-apiserver-arg=enable-admission-plugins=EventRateLimit | FAIL | --enable-admission-plugins=EventRateLimit",
        "1.2.15 | --profiling=false (k3s default)                       | --kube-apiserver-arg=profiling=true                  | FAIL | --profiling=true",
        "1.2.29 | --tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305 (k3s default) | --kube-apiserver-arg=tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA | WARN | --tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA",
        "1.3.2  | --profiling=false (k3s default)                       | --kube-controller-manager-arg=profiling=true         | FAIL | --profiling=true",
        "1.3.3  | --use-service-account-credentials=true (k3s default)  | --kube-controller-manager-arg=use-service-account-credentials=false | FAIL | --use-service-account-credentials=false",
        "1.4.1  | --profiling=false (k3s default)                       | --kube-scheduler-arg=profiling=true                  | FAIL | --profiling=true",
        "4.2.1  | --anonymous-auth=false (k3s default)                  | --kubelet-arg=anonymous-auth=true                    | FAIL | --anonymous-auth=true",
        "4.2.2  | --authorization-mode=Webhook (k3s default)            | --kubelet-arg=authorization-mode=AlwaysAllow         | FAIL | --authorization-mode=AlwaysAllow",
        "4.2.4  | --read-only-port=0 (k3s default)                      | --kubelet-arg=read-only-port=10255                   | WARN | --read-only-port=10255",
      })
  @DisplayName("a stock k3s server passes on the k3s default, and an explicit value still decides")
  void defaultThenOverride(
      String check, String defaultEvidence, String override, Status overridden, String evidence) {
    Finding stock = k3s("").get(check);
    assertThat(stock.status()).as(stock.message()).isEqualTo(Status.PASS);
    assertThat(stock.evidence().value()).isEqualTo(defaultEvidence);

    Finding given =
        scan(NodeTreeFixture.k3sServerNode(tmp.resolve("given"), "", List.of(override))).get(check);
    assertThat(given.status()).as(given.message()).isEqualTo(overridden);
    assertThat(given.evidence().value()).isEqualTo(evidence);
  }

  @Test
  @DisplayName(
      "config.yaml overrides a default, the command line overrides config.yaml, and the source says which")
  void precedence() {
    String config = "kube-apiserver-arg:\n  - anonymous-auth=true\n";
    Finding fromFile = k3s(config).get("1.2.1");
    assertThat(fromFile.status()).isEqualTo(Status.WARN);
    assertThat(fromFile.evidence().value()).isEqualTo("--anonymous-auth=true (k3s config file)");

    Finding fromCommandLine =
        scan(NodeTreeFixture.k3sServerNode(
                tmp.resolve("cli"), config, List.of("--kube-apiserver-arg=anonymous-auth=false")))
            .get("1.2.1");
    assertThat(fromCommandLine.status()).isEqualTo(Status.PASS);
    assertThat(fromCommandLine.evidence().value()).isEqualTo("--anonymous-auth=false");
  }

  @Test
  @DisplayName("the facts name the source of every flag of an embedded component")
  void sourcesInFacts() {
    Map<String, Object> facts =
        NodeTreeFixture.k3sServerNode(
                tmp,
                "kube-apiserver-arg:\n  - audit-log-maxage=30\n",
                List.of("--kube-apiserver-arg=profiling=true"))
            .collect();
    assertThat(map(facts, "components", "apiserver", "flagSource"))
        .containsEntry("anonymous-auth", "k3s default")
        .containsEntry("audit-log-maxage", "k3s config file")
        .containsEntry("profiling", "flag");
    assertThat(map(facts, "kubelet", "effective", "authentication.anonymous.enabled"))
        .containsEntry("source", "k3s default")
        .containsEntry("value", false);
    assertThat(at(facts, "paths", "controllerManagerKubeconfig"))
        .isEqualTo("/var/lib/rancher/k3s/server/cred/controller.kubeconfig");
    assertThat(at(facts, "pathSources", "controllerManagerKubeconfig")).isEqualTo("component");
  }

  @Test
  @DisplayName("flag+=value appends to the k3s default and flag=value replaces it")
  void appendKeepsDefault() {
    Map<String, Object> facts =
        NodeTreeFixture.k3sServerNode(
                tmp, "", List.of("--kube-apiserver-arg=enable-admission-plugins+=EventRateLimit"))
            .collect();
    assertThat(at(facts, "components", "apiserver", "flags", "enable-admission-plugins"))
        .isEqualTo(List.of("NodeRestriction", "EventRateLimit"));
    Map<String, Finding> appended =
        scan(
            NodeTreeFixture.k3sServerNode(
                tmp.resolve("scan"),
                "",
                List.of("--kube-apiserver-arg=enable-admission-plugins+=EventRateLimit")));
    assertThat(appended.get("1.2.14").status()).isEqualTo(Status.PASS);
    assertThat(appended.get("1.2.9").status()).isEqualTo(Status.PASS);
  }

  @Test
  @DisplayName(
      "k3s leaves out a default the user's flags turn off: authentication-config, authorization-config")
  void unless() {
    Map<String, Finding> findings =
        k3s(
            "",
            "--kube-apiserver-arg=authentication-config=/etc/rancher/k3s/authn.yaml",
            "--kube-apiserver-arg=authorization-config=/etc/rancher/k3s/authz.yaml");
    assertThat(findings.get("1.2.1").status()).isEqualTo(Status.WARN);
    assertThat(findings.get("1.2.1").message())
        .isEqualTo("--anonymous-auth is not set, expected false");
    assertThat(findings.get("1.2.7").status()).isEqualTo(Status.FAIL);
  }

  @Test
  @DisplayName(
      "defaults that need a k3s flag apply only with it: etcd TLS with --cluster-init, encryption with --secrets-encryption")
  void when() {
    Map<String, Finding> stock = k3s("");
    assertThat(stock.get("1.2.23").status()).isEqualTo(Status.FAIL);
    assertThat(stock.get("1.2.27").status()).isEqualTo(Status.WARN);
    Map<String, Finding> etcd =
        scan(
            NodeTreeFixture.k3sServerNode(
                tmp.resolve("etcd"), "", List.of("--cluster-init", "--secrets-encryption")));
    assertThat(etcd.get("1.2.23").status()).isEqualTo(Status.PASS);
    assertThat(etcd.get("1.2.27").status()).isEqualTo(Status.PASS);
    assertThat(etcd.get("1.2.27").evidence().value())
        .isEqualTo(
            "--encryption-provider-config=/var/lib/rancher/k3s/server/cred/encryption-config.json (k3s default)");
  }

  @Test
  @DisplayName("a kubelet config file the user names beats the k3s kubelet default")
  void kubeletConfigBeatsDefault() {
    NodeTreeFixture node =
        NodeTreeFixture.k3sServerNode(
            tmp, "", List.of("--kubelet-arg=config=/etc/rancher/k3s/kubelet.yaml"));
    node.file(
        "/etc/rancher/k3s/kubelet.yaml",
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n"
            + "authentication:\n  anonymous:\n    enabled: true\n",
        "600");
    Finding finding = scan(node).get("4.2.1");
    assertThat(finding.status()).isEqualTo(Status.FAIL);
    assertThat(finding.evidence().value())
        .isEqualTo("authentication.anonymous.enabled: true (/etc/rancher/k3s/kubelet.yaml)");
  }

  @Test
  @DisplayName(
      "k3s file locations: admin kubeconfig, PKI directory and component kubeconfigs pass with their k3s paths")
  void k3sFiles() {
    Map<String, Finding> findings = k3s("");
    List<String> notPassing = new ArrayList<>();
    for (String check :
        List.of(
            "1.1.13", "1.1.14", "1.1.15", "1.1.16", "1.1.17", "1.1.18", "1.1.19", "1.1.20",
            "1.1.21")) {
      if (findings.get(check).status() != Status.PASS) {
        notPassing.add(check + " " + findings.get(check).message());
      }
    }
    assertThat(notPassing).isEmpty();
    NodeTreeFixture loose = NodeTreeFixture.k3sServerNode(tmp.resolve("loose"), "", List.of());
    loose
        .mode("/var/lib/rancher/k3s/server/cred/admin.kubeconfig", "644")
        .mode("/var/lib/rancher/k3s/server/tls/client-ca.key", "644");
    Map<String, Finding> broken = scan(loose);
    assertThat(broken.get("1.1.13").status()).isEqualTo(Status.FAIL);
    assertThat(broken.get("1.1.13").evidence().value()).isEqualTo("0644");
    assertThat(broken.get("1.1.21").status()).as("manual in CIS 1.12").isEqualTo(Status.WARN);
  }

  @Test
  @DisplayName(
      "rke2: the kubelet reading rke2's drop-in directory passes on rke2's defaults; its own flags still decide")
  void rke2Kubelet() {
    Map<String, Finding> stock =
        scan(NodeTreeFixture.rke2ServerNode(tmp.resolve("stock"), true, ""));
    assertThat(stock.get("4.2.1").status()).isEqualTo(Status.PASS);
    assertThat(stock.get("4.2.1").evidence().value())
        .isEqualTo("--anonymous-auth=false (rke2 default)");
    assertThat(stock.get("4.2.3").evidence().value())
        .isEqualTo("--client-ca-file=/var/lib/rancher/rke2/agent/client-ca.crt (rke2 default)");
    assertThat(stock.get("4.2.2").status()).isEqualTo(Status.PASS);

    Map<String, Finding> given =
        scan(NodeTreeFixture.rke2ServerNode(tmp.resolve("given"), true, "--anonymous-auth=true"));
    assertThat(given.get("4.2.1").status()).isEqualTo(Status.FAIL);
    assertThat(given.get("4.2.1").evidence().value()).isEqualTo("--anonymous-auth=true");

    Map<String, Finding> noDropIn =
        scan(NodeTreeFixture.rke2ServerNode(tmp.resolve("plain"), false, ""));
    assertThat(noDropIn.get("4.2.1").status())
        .as("without --config-dir naming rke2's drop-ins nothing is assumed")
        .isEqualTo(Status.FAIL);
  }

  @Test
  @DisplayName(
      "rke2: a control-plane static pod shows its whole command line, so no default is added to it")
  void rke2StaticPod() {
    Map<String, Finding> findings = scan(NodeTreeFixture.rke2ServerNode(tmp, true, ""));
    assertThat(findings.get("1.2.1").status()).isEqualTo(Status.WARN);
    assertThat(findings.get("1.2.1").evidence().present()).isFalse();
    assertThat(findings.get("1.2.15").evidence().value()).isEqualTo("--profiling=false");
  }
}
