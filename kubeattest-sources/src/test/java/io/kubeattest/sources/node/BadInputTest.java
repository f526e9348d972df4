package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.errorsAbout;
import static io.kubeattest.sources.node.Facts.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("bad input becomes an error fact naming the path, and collection goes on")
class BadInputTest {
  @TempDir Path base;

  @Test
  @DisplayName(
      "a cmdline that is not UTF-8 or cannot be read is an error; other processes are found")
  void garbageCmdline() throws Exception {
    NodeTreeFixture node = NodeTreeFixture.kubeadmControlPlane(base);
    node.procFile(66, "cmdline", new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0});
    Files.createDirectories(node.proc().resolve("67").resolve("cmdline"));
    node.procFile(68, "cmdline", new byte[0]); // a kernel thread: skipped silently

    Map<String, Object> facts = node.collect();

    assertThat(errorsAbout(facts, "/66/cmdline"))
        .containsExactly("process command line is not valid UTF-8");
    assertThat(errorsAbout(facts, "/67/cmdline"))
        .singleElement()
        .asString()
        .startsWith("cannot read the process command line");
    assertThat(errorsAbout(facts, "/68/")).isEmpty();
    assertThat(at(facts, "components", "apiserver", "running")).isEqualTo(true);
  }

  @Test
  @DisplayName("a kubelet config that is not YAML is an error; flags still give effective settings")
  void kubeletConfigNotYaml() {
    NodeTreeFixture node =
        NodeTreeFixture.empty(base)
            .file(
                "/var/lib/kubelet/config.yaml",
                "authentication: [anonymous: {enabled: false\n",
                "600")
            .process(9, "kubelet", "--config=/var/lib/kubelet/config.yaml --read-only-port=0");

    Map<String, Object> facts = node.collect();

    assertThat(errorsAbout(facts, "/var/lib/kubelet/config.yaml"))
        .singleElement()
        .asString()
        .startsWith("not valid YAML");
    assertThat(at(facts, "kubelet", "configExists")).isEqualTo(true);
    assertThat(at(facts, "kubelet", "configLoaded")).isEqualTo(false);
    assertThat(at(facts, "kubelet", "effective", "readOnlyPort", "value")).isEqualTo(0L);
    assertThat(role(facts, "kubeletConfig").get("mode")).isEqualTo("0600");
  }

  @Test
  @DisplayName("a config that parses but is not a mapping is an error")
  void scalarConfig() {
    Map<String, Object> facts =
        NodeTreeFixture.empty(base)
            .file("/var/lib/kubelet/config.yaml", "just some text\n", "600")
            .collect();
    assertThat(errorsAbout(facts, "/var/lib/kubelet/config.yaml"))
        .containsExactly("expected a YAML or JSON mapping, found a string");
  }

  @Test
  @DisplayName("a YAML alias bomb is refused")
  void aliasBomb() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous)));
      bomb.append("]\n");
    }
    Map<String, Object> facts =
        NodeTreeFixture.empty(base)
            .file("/var/lib/kubelet/config.yaml", bomb.toString(), "600")
            .collect();
    assertThat(errorsAbout(facts, "/var/lib/kubelet/config.yaml"))
        .singleElement()
        .asString()
        .contains("aliases");
  }

  @Test
  @DisplayName("a file larger than the read limit is not read; its stat facts remain")
  void hugeFile() {
    byte[] huge = new byte[(int) ReadLimits.DEFAULT.maxFileBytes() + 4096];
    Arrays.fill(huge, (byte) '#');
    NodeTreeFixture node =
        NodeTreeFixture.empty(base)
            .bytes("/etc/kubernetes/enc.yaml", huge, "600")
            .process(9, "kube-apiserver", "--encryption-provider-config=/etc/kubernetes/enc.yaml");

    Map<String, Object> facts = node.collect();

    assertThat(errorsAbout(facts, "/etc/kubernetes/enc.yaml"))
        .containsExactly("file is larger than the limit of 1048576 bytes");
    assertThat(role(facts, "encryptionProviderConfig").get("size")).isEqualTo((long) huge.length);
    assertThat(at(facts, "encryption", "configured")).isEqualTo(false);
  }

  @Test
  @DisplayName("a huge command line is refused at the limit")
  void hugeCmdline() {
    byte[] argv =
        ("kube-apiserver\0--x=" + "y".repeat(2048) + "\0").getBytes(StandardCharsets.UTF_8);
    NodeTreeFixture node = NodeTreeFixture.empty(base).procFile(70, "cmdline", argv);
    Map<String, Object> facts =
        node.collector(NodeOverrides.NONE, new ReadLimits(1024, 100, 4)).collect();
    assertThat(errorsAbout(facts, "/70/cmdline"))
        .singleElement()
        .asString()
        .contains("larger than the limit of 1024 bytes");
    assertThat(at(facts, "components", "apiserver", "running")).isEqualTo(false);
  }

  @Test
  @DisplayName(
      "a directory with more entries than the limit is listed up to it and marked truncated")
  void truncatedDirectory() {
    NodeTreeFixture node = NodeTreeFixture.kubeadmControlPlane(base);
    Map<String, Object> facts =
        node.collector(NodeOverrides.NONE, new ReadLimits(1024 * 1024, 5, 8)).collect();
    assertThat(role(facts, "pkiDir").get("truncated")).isEqualTo(true);
    assertThat(Facts.list(role(facts, "pkiDir"), "entries")).hasSize(5);
  }

  @Test
  @DisplayName("a root or proc that is not a directory is a usage error naming it")
  void notDirectories() {
    Path missing = base.resolve("nope");
    assertThatThrownBy(() -> new NodeFactsCollector(missing, base).collect())
        .isInstanceOf(NodeFactsException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> new NodeFactsCollector(base, missing).collect())
        .isInstanceOf(NodeFactsException.class)
        .hasMessageContaining("proc directory " + missing);
  }
}
