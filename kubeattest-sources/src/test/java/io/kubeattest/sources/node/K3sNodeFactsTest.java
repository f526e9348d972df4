package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.list;
import static io.kubeattest.sources.node.Facts.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a k3s server: one process carries every component")
class K3sNodeFactsTest {
  @TempDir static Path base;
  static Map<String, Object> facts;

  @BeforeAll
  static void collect() {
    facts = NodeTreeFixture.k3sServer(base).collect();
  }

  @Test
  @DisplayName("every component runs embedded in the k3s server process")
  void embedded() {
    assertThat(list(facts, "targets")).containsExactly("master", "controlplane", "etcd", "node");
    for (String component :
        List.of("apiserver", "controllermanager", "scheduler", "etcd", "kubelet", "proxy")) {
      assertThat(map(facts, "components", component))
          .containsEntry("running", true)
          .containsEntry("embedded", true)
          .containsEntry("bin", "k3s server")
          .containsEntry("pid", 812L);
    }
    assertThat(at(facts, "supervisor", "name")).isEqualTo("k3s server");
  }

  @Test
  @DisplayName("--<component>-arg values become the component's flags, the config file first")
  void passedFlags() {
    assertThat(map(facts, "components", "apiserver", "flags"))
        .containsEntry("anonymous-auth", List.of("true", "false"))
        .containsEntry("profiling", List.of("false"))
        .containsEntry("audit-log-path", List.of("/var/lib/rancher/k3s/server/logs/audit.log"));
    assertThat(at(facts, "components", "apiserver", "flag", "anonymous-auth")).isEqualTo("false");
    assertThat(at(facts, "components", "scheduler", "flag", "profiling")).isEqualTo("false");
    assertThat(at(facts, "components", "controllermanager", "flag", "terminated-pod-gc-threshold"))
        .isEqualTo("10");
    assertThat(at(facts, "components", "proxy", "flag", "metrics-bind-address"))
        .isEqualTo("127.0.0.1:10249");
    assertThat(map(facts, "kubelet", "effective", "readOnlyPort"))
        .containsEntry("source", "flag")
        .containsEntry("value", 0L);
    assertThat(at(facts, "kubelet", "effective", "eventRecordQPS", "value")).isEqualTo(0L);
  }

  @Test
  @DisplayName("the join token is redacted wherever flags are shown")
  void redaction() {
    assertThat(at(facts, "supervisor", "flag", "token")).isEqualTo("<redacted>");
    assertThat(at(facts, "supervisor", "flag", "protect-kernel-defaults")).isEqualTo("true");
    assertThat(facts.toString()).doesNotContain("s3cr3t");
  }

  @Test
  @DisplayName(
      "k3s file locations are found from the k3s defaults and the candidates kube-bench accepts")
  void paths() {
    assertThat(at(facts, "paths", "kubeletKubeconfig"))
        .isEqualTo("/var/lib/rancher/k3s/agent/kubelet.kubeconfig");
    assertThat(at(facts, "pathSources", "kubeletKubeconfig"))
        .as("named by the kubeconfig flag k3s passes the kubelet")
        .isEqualTo("component");
    assertThat(at(facts, "components", "kubelet", "flagSource", "kubeconfig"))
        .isEqualTo("k3s default");
    assertThat(at(facts, "paths", "kubeletClientCaFile"))
        .isEqualTo("/var/lib/rancher/k3s/agent/client-ca.crt");
    assertThat(at(facts, "paths", "etcdDataDir")).isEqualTo("/var/lib/rancher/k3s/server/db/etcd");
    assertThat(at(facts, "kubelet", "configPathSource")).isEqualTo("default");
    assertThat(at(facts, "kubelet", "configExists")).isEqualTo(false);
    assertThat(list(facts, "errors")).isEmpty();
  }
}
