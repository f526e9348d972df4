package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.list;
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

@DisplayName("a kubeadm control-plane node as kubeadm init leaves it")
class KubeadmNodeFactsTest {
  @TempDir static Path base;
  static NodeTreeFixture node;
  static Map<String, Object> facts;

  @BeforeAll
  static void collect() {
    node = NodeTreeFixture.kubeadmControlPlane(base);
    facts = node.collect();
  }

  @Test
  @DisplayName("every target is detected from the running processes")
  void targets() {
    assertThat(list(facts, "targets")).containsExactly("master", "controlplane", "etcd", "node");
    assertThat(at(facts, "hostname")).isEqualTo("cp-1");
    assertThat(at(facts, "schema")).isEqualTo(NodeFactsCollector.SCHEMA);
    assertThat(list(facts, "errors")).isEmpty();
  }

  @Test
  @DisplayName("API server flags are read from its own process, not from a shell mentioning it")
  void apiserverFlags() {
    Map<String, Object> apiserver = map(facts, "components", "apiserver");
    assertThat(apiserver.get("running")).isEqualTo(true);
    assertThat(apiserver.get("embedded")).isEqualTo(false);
    assertThat(apiserver.get("pid")).isEqualTo(1021L);
    assertThat(apiserver.get("pids")).isEqualTo(List.of(1021L));
    assertThat(map(facts, "components", "apiserver", "flags"))
        .containsEntry("authorization-mode", List.of("Node,RBAC"))
        .containsEntry("enable-admission-plugins", List.of("NodeRestriction"))
        .doesNotContainKey("anonymous-auth")
        .doesNotContainKey("help");
    assertThat(map(facts, "components", "apiserver", "flag"))
        .containsEntry("client-ca-file", "/etc/kubernetes/pki/ca.crt");
  }

  @Test
  @DisplayName("a component that does not run has empty flag maps, so checks can test keys safely")
  void notRunning() {
    NodeTreeFixture worker = NodeTreeFixture.empty(base.resolve("worker"));
    worker.process(5, "/usr/bin/kubelet", FixtureData.KUBELET);
    Map<String, Object> workerFacts = worker.collect();
    assertThat(list(workerFacts, "targets")).containsExactly("node");
    Map<String, Object> apiserver = map(workerFacts, "components", "apiserver");
    assertThat(apiserver.get("running")).isEqualTo(false);
    assertThat(apiserver.get("flags")).isEqualTo(Map.of());
    assertThat(apiserver.get("settings")).isEqualTo(Map.of());
  }

  @Test
  @DisplayName(
      "kubelet settings come from the file named by its --config flag when no flag sets them")
  void kubeletEffective() {
    assertThat(at(facts, "kubelet", "configPath")).isEqualTo("/var/lib/kubelet/config.yaml");
    assertThat(at(facts, "kubelet", "configPathSource")).isEqualTo("flag");
    assertThat(at(facts, "kubelet", "configLoaded")).isEqualTo(true);
    assertThat(map(facts, "kubelet", "effective", "authentication.anonymous.enabled"))
        .containsEntry("set", true)
        .containsEntry("source", "config")
        .containsEntry("value", false)
        .containsEntry("flag", "anonymous-auth");
    assertThat(map(facts, "kubelet", "effective", "readOnlyPort"))
        .containsEntry("set", false)
        .containsEntry("source", "unset")
        .doesNotContainKey("value");
    assertThat(at(facts, "kubelet", "effective", "streamingConnectionIdleTimeout", "value"))
        .isEqualTo("0s");
    assertThat(at(facts, "kubelet", "effective", "authorization.mode", "value"))
        .isEqualTo("Webhook");
    assertThat(at(facts, "kubelet", "config", "healthzPort")).isEqualTo(10248L);
  }

  @Test
  @DisplayName("file facts carry octal mode, numeric ids and host account names")
  void fileFacts() {
    Map<String, Object> manifest = role(facts, "apiserverManifest");
    assertThat(manifest.get("path")).isEqualTo("/etc/kubernetes/manifests/kube-apiserver.yaml");
    assertThat(manifest.get("exists")).isEqualTo(true);
    assertThat(manifest.get("type")).isEqualTo("file");
    assertThat(manifest.get("mode")).isEqualTo("0600");
    assertThat(manifest.get("modeBits")).isEqualTo(0600L);
    assertThat(manifest.get("uid")).isEqualTo(node.uid());
    assertThat(manifest.get("owner")).isEqualTo("root");
    assertThat(manifest.get("group")).isEqualTo("root");
    assertThat(manifest.get("ownership")).isEqualTo("root:root");
    assertThat(role(facts, "kubeletConfig").get("mode")).isEqualTo("0644");
    assertThat(role(facts, "kubeletService").get("mode")).isEqualTo("0644");
    assertThat(role(facts, "adminKubeconfig").get("mode")).isEqualTo("0600");
    assertThat(role(facts, "superAdminKubeconfig").get("exists")).isEqualTo(true);
    assertThat(at(facts, "paths", "etcdDataDir")).isEqualTo("/var/lib/etcd");
    assertThat(at(facts, "pathSources", "etcdDataDir")).isEqualTo("component");
    assertThat(role(facts, "etcdDataDir").get("type")).isEqualTo("directory");
    assertThat(role(facts, "etcdDataDir").get("mode")).isEqualTo("0700");
  }

  @Test
  @DisplayName(
      "a file the benchmark names but the node lacks is exists: false, with its default path")
  void missingFiles() {
    assertThat(at(facts, "paths", "proxyKubeconfig")).isEqualTo("/etc/kubernetes/proxy.conf");
    assertThat(at(facts, "pathSources", "proxyKubeconfig")).isEqualTo("default");
    assertThat(role(facts, "proxyKubeconfig"))
        .containsEntry("exists", false)
        .doesNotContainKey("mode");
    // kube-proxy runs in a pod: its --config file is not on the host
    assertThat(at(facts, "proxy", "configPath")).isEqualTo("/var/lib/kube-proxy/config.conf");
    assertThat(at(facts, "proxy", "configExists")).isEqualTo(false);
    assertThat(at(facts, "proxy", "config")).isEqualTo(Map.of());
  }

  @Test
  @DisplayName("the PKI directory lists every file and directory below it with its own facts")
  void pkiEntries() {
    Map<String, Object> pki = role(facts, "pkiDir");
    assertThat(pki.get("truncated")).isEqualTo(false);
    List<Map<String, Object>> entries = Facts.maps(pki, "entries");
    assertThat(entries).hasSize(23);
    assertThat(entries.stream().filter(e -> String.valueOf(e.get("path")).endsWith(".key")))
        .hasSize(11)
        .allSatisfy(entry -> assertThat(entry.get("mode")).isEqualTo("0600"));
    assertThat(entries)
        .anySatisfy(
            entry -> {
              assertThat(entry.get("path")).isEqualTo("/etc/kubernetes/pki/etcd");
              assertThat(entry.get("type")).isEqualTo("directory");
            });
    assertThat(Facts.maps(role(facts, "cniConfDir"), "entries"))
        .extracting(entry -> entry.get("path"))
        .containsExactly("/etc/cni/net.d/10-flannel.conflist");
  }

  @Test
  @DisplayName("files named by component flags are stat'ed too")
  void flagFiles() {
    assertThat(Facts.file(facts, "/etc/kubernetes/pki/apiserver-etcd-client.key").get("mode"))
        .isEqualTo("0600");
    assertThat(Facts.file(facts, "/etc/kubernetes/pki/etcd/server.crt").get("mode"))
        .isEqualTo("0644");
    assertThat(Facts.file(facts, "/etc/kubernetes/bootstrap-kubelet.conf").get("exists"))
        .isEqualTo(false);
  }

  @Test
  @DisplayName("versions come from the static pod manifests' image tags")
  void versions() {
    assertThat(map(facts, "versions", "apiserver"))
        .containsEntry("version", "v1.31.2")
        .containsEntry("source", "manifest-image");
    assertThat(at(facts, "versions", "etcd", "version")).isEqualTo("3.5.15-0");
    assertThat(map(facts, "versions")).doesNotContainKey("kubelet");
    assertThat(at(facts, "manifests", "apiserver", "flag", "authorization-mode"))
        .isEqualTo("Node,RBAC");
    assertThat(at(facts, "encryption", "configured")).isEqualTo(false);
  }

  @Test
  @DisplayName("a version override wins over the manifest image tag")
  void versionOverride() {
    Map<String, Object> overridden =
        node.collector(
                new NodeOverrides(Map.of(), Map.of(), Map.of(Component.KUBELET, "v1.30.4")),
                ReadLimits.DEFAULT)
            .collect();
    assertThat(map(overridden, "versions", "kubelet"))
        .containsEntry("version", "v1.30.4")
        .containsEntry("source", "override");
  }

  @Test
  @DisplayName("collecting a full control-plane node takes far under a second")
  void fast() {
    node.collect();
    long start = System.nanoTime();
    node.collect();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).isLessThan(500);
  }
}
