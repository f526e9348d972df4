package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.map;
import static io.kubeattest.sources.node.Facts.role;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a hardened control-plane node, flags written in every form")
class HardenedNodeFactsTest {
  @TempDir static Path base;
  static Map<String, Object> facts;

  @BeforeAll
  static void collect() {
    facts = NodeTreeFixture.hardenedControlPlane(base).collect();
  }

  @Test
  @DisplayName("--flag value forms give the same facts as --flag=value")
  void separateValues() {
    assertThat(map(facts, "components", "apiserver", "flag"))
        .containsEntry("authorization-mode", "Node,RBAC")
        .containsEntry("audit-log-maxage", "30")
        .containsEntry("audit-log-maxbackup", "10")
        .containsEntry("kubelet-certificate-authority", "/etc/kubernetes/pki/ca.crt")
        .containsEntry("request-timeout", "300s")
        .containsEntry("anonymous-auth", "false")
        .containsEntry(
            "enable-admission-plugins",
            "NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs");
    assertThat(Facts.list(facts, "components", "apiserver", "args")).isEmpty();
    assertThat(at(facts, "components", "controllermanager", "flag", "terminated-pod-gc-threshold"))
        .isEqualTo("10");
  }

  @Test
  @DisplayName(
      "etcd's single-dash flags and ETCD_* environment merge into its settings, flag first")
  void etcdSettings() {
    assertThat(map(facts, "components", "etcd", "flag"))
        .containsEntry("name", "cp-1")
        .containsEntry("data-dir", "/var/lib/etcd")
        .containsEntry("key-file", "/etc/kubernetes/pki/etcd/server.key")
        .containsEntry("peer-client-cert-auth", "true")
        .doesNotContainKey("client-cert-auth");
    assertThat(map(facts, "components", "etcd", "env"))
        .containsEntry("ETCD_CLIENT_CERT_AUTH", "true")
        .doesNotContainKey("PATH")
        .doesNotContainKey("AWS_SECRET_ACCESS_KEY");
    assertThat(map(facts, "components", "etcd", "settings"))
        .containsEntry("client-cert-auth", "true")
        .containsEntry("auto-tls", "false")
        .containsEntry("peer-auto-tls", "false")
        .containsEntry("cert-file", "/etc/kubernetes/pki/etcd/server.crt");
  }

  @Test
  @DisplayName("kubelet: a flag beats the JSON config named by --config, which beats nothing")
  void kubeletPrecedence() {
    assertThat(at(facts, "kubelet", "configPath"))
        .isEqualTo("/etc/kubernetes/kubelet/kubelet-config.json");
    assertThat(at(facts, "kubelet", "configPathSource")).isEqualTo("flag");
    assertThat(role(facts, "kubeletConfig").get("mode")).isEqualTo("0600");
    Map<String, Object> effective = map(facts, "kubelet", "effective");
    assertThat(map(effective, "readOnlyPort"))
        .containsEntry("source", "flag")
        .containsEntry("value", 0L);
    assertThat(map(effective, "eventRecordQPS"))
        .containsEntry("source", "flag")
        .containsEntry("value", 5L);
    assertThat(map(effective, "featureGates.RotateKubeletServerCertificate"))
        .containsEntry("source", "flag")
        .containsEntry("value", true);
    assertThat(map(effective, "tlsCipherSuites"))
        .containsEntry("source", "config")
        .containsEntry(
            "value",
            List.of(
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    assertThat(at(effective, "podPidsLimit", "value")).isEqualTo(4096L);
    assertThat(at(effective, "seccompDefault", "value")).isEqualTo(true);
    assertThat(at(effective, "protectKernelDefaults", "value")).isEqualTo(true);
    assertThat(at(effective, "makeIPTablesUtilChains", "value")).isEqualTo(true);
    assertThat(at(effective, "streamingConnectionIdleTimeout", "value")).isEqualTo("5m0s");
    assertThat(role(facts, "kubeletService").get("mode")).isEqualTo("0600");
  }

  @Test
  @DisplayName(
      "kube-proxy: --metrics-bind-address beats its config file; the kubeconfig it names is found")
  void proxy() {
    assertThat(map(facts, "proxy", "effective", "metricsBindAddress"))
        .containsEntry("source", "flag")
        .containsEntry("value", "127.0.0.1:10249");
    assertThat(at(facts, "proxy", "config", "metricsBindAddress")).isEqualTo("0.0.0.0:10249");
    assertThat(at(facts, "paths", "proxyKubeconfig"))
        .isEqualTo("/var/lib/kube-proxy/kubeconfig.conf");
    assertThat(at(facts, "pathSources", "proxyKubeconfig")).isEqualTo("component");
    assertThat(role(facts, "proxyKubeconfig").get("exists")).isEqualTo(true);
  }

  @Test
  @DisplayName("config files named by API server flags are parsed: encryption, admission, audit")
  void referencedConfigs() {
    assertThat(at(facts, "encryption", "configured")).isEqualTo(true);
    assertThat(map(facts, "encryption", "resources"))
        .containsEntry("secrets", List.of("aescbc", "identity"))
        .containsEntry("configmaps", List.of("aescbc", "identity"))
        .containsEntry("events", List.of("identity"));
    assertThat(role(facts, "encryptionProviderConfig").get("mode")).isEqualTo("0600");
    assertThat(at(facts, "configs", "admissionControlConfig", "kind"))
        .isEqualTo("AdmissionConfiguration");
    assertThat(at(facts, "configs", "auditPolicyFile", "kind")).isEqualTo("Policy");
    assertThat(at(facts, "paths", "auditPolicyFile"))
        .isEqualTo("/etc/kubernetes/audit/policy.yaml");
  }
}
