package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("kubelet settings: flag, else the file given by --config, else the default path")
class KubeletConfigPrecedenceTest {
  @TempDir Path base;

  private static final String DEFAULT_CONFIG =
      """
      kind: KubeletConfiguration
      readOnlyPort: 10255
      authentication:
        anonymous:
          enabled: true
      """;
  private static final String CUSTOM_CONFIG =
      """
      kind: KubeletConfiguration
      readOnlyPort: 0
      authentication:
        anonymous:
          enabled: false
      """;

  @Test
  @DisplayName("without --config the default path is read and says so")
  void defaultPath() {
    Map<String, Object> facts =
        NodeTreeFixture.empty(base)
            .file("/var/lib/kubelet/config.yaml", DEFAULT_CONFIG, "600")
            .process(9, "kubelet", "--kubeconfig=/etc/kubernetes/kubelet.conf")
            .collect();
    assertThat(at(facts, "kubelet", "configPathSource")).isEqualTo("default");
    assertThat(map(facts, "kubelet", "effective", "readOnlyPort"))
        .containsEntry("source", "config")
        .containsEntry("value", 10255L);
  }

  @Test
  @DisplayName("--config wins over the default path, even when the default file exists")
  void configFlag() {
    Map<String, Object> facts =
        NodeTreeFixture.empty(base)
            .file("/var/lib/kubelet/config.yaml", DEFAULT_CONFIG, "600")
            .file("/etc/kubelet/custom.yaml", CUSTOM_CONFIG, "600")
            .process(9, "kubelet", "--config /etc/kubelet/custom.yaml")
            .collect();
    assertThat(at(facts, "kubelet", "configPath")).isEqualTo("/etc/kubelet/custom.yaml");
    assertThat(at(facts, "paths", "kubeletConfig")).isEqualTo("/etc/kubelet/custom.yaml");
    assertThat(at(facts, "kubelet", "effective", "readOnlyPort", "value")).isEqualTo(0L);
    assertThat(at(facts, "kubelet", "effective", "authentication.anonymous.enabled", "value"))
        .isEqualTo(false);
  }

  @Test
  @DisplayName("a --config file that is missing does not fall back to the default file")
  void missingConfigFile() {
    Map<String, Object> facts =
        NodeTreeFixture.empty(base)
            .file("/var/lib/kubelet/config.yaml", DEFAULT_CONFIG, "600")
            .process(9, "kubelet", "--config=/etc/kubelet/gone.yaml --anonymous-auth=false")
            .collect();
    assertThat(at(facts, "kubelet", "configExists")).isEqualTo(false);
    assertThat(at(facts, "kubelet", "configLoaded")).isEqualTo(false);
    assertThat(at(facts, "kubelet", "effective", "readOnlyPort", "set")).isEqualTo(false);
    assertThat(map(facts, "kubelet", "effective", "authentication.anonymous.enabled"))
        .containsEntry("source", "flag")
        .containsEntry("value", false);
  }

  @Test
  @DisplayName("a flag value of the wrong type is kept raw with an error, not guessed")
  void badFlagValue() {
    Map<String, Object> facts =
        NodeTreeFixture.empty(base)
            .process(9, "kubelet", "--read-only-port=none --anonymous-auth=F")
            .collect();
    assertThat(map(facts, "kubelet", "effective", "readOnlyPort"))
        .containsEntry("set", true)
        .containsEntry("raw", "none")
        .doesNotContainKey("value");
    assertThat(at(facts, "kubelet", "effective", "authentication.anonymous.enabled", "value"))
        .isEqualTo(false);
  }

  @Test
  @DisplayName("a path override wins over the --config flag")
  void override() {
    NodeTreeFixture node =
        NodeTreeFixture.empty(base)
            .file("/srv/kubelet.yaml", CUSTOM_CONFIG, "600")
            .process(9, "kubelet", "--config=/var/lib/kubelet/config.yaml");
    Map<String, Object> facts =
        node.collector(
                new NodeOverrides(
                    Map.of(), Map.of(PathRole.KUBELET_CONFIG, "/srv/kubelet.yaml"), Map.of()),
                ReadLimits.DEFAULT)
            .collect();
    assertThat(at(facts, "kubelet", "configPathSource")).isEqualTo("override");
    assertThat(at(facts, "kubelet", "effective", "readOnlyPort", "value")).isEqualTo(0L);
  }
}
