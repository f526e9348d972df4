package io.kubeattest.sources.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("--root: host paths resolve inside the root with chroot semantics")
class HostFileSystemTest {
  @TempDir Path base;

  @Test
  @DisplayName("an absolute link target is read under the root, never from the scanner's own /etc")
  void absoluteLinkStaysInRoot() throws Exception {
    NodeTreeFixture node = NodeTreeFixture.empty(base);
    // the container running the scan has /etc/hostname; the host root has no /etc/machine-name
    Files.writeString(base.resolve("outside-secret"), "container file");
    node.symlink("/etc/kubernetes/admin.conf", "/etc/machine-name");
    node.symlink("/etc/kubernetes/scheduler.conf", base.resolve("outside-secret").toString());
    node.file("/srv/real/controller-manager.conf", "kubeconfig", "600");
    node.symlink("/etc/kubernetes/controller-manager.conf", "/srv/real/controller-manager.conf");

    Map<String, Object> facts = node.collect();

    Map<String, Object> admin = Facts.role(facts, "adminKubeconfig");
    assertThat(admin.get("exists")).isEqualTo(false);
    assertThat(admin.get("resolved")).isEqualTo("/etc/machine-name");
    Map<String, Object> scheduler = Facts.role(facts, "schedulerKubeconfig");
    assertThat(scheduler.get("exists")).isEqualTo(false);
    assertThat((String) scheduler.get("resolved")).startsWith(base.toString());
    Map<String, Object> controllerManager = Facts.role(facts, "controllerManagerKubeconfig");
    assertThat(controllerManager.get("exists")).isEqualTo(true);
    assertThat(controllerManager.get("resolved")).isEqualTo("/srv/real/controller-manager.conf");
    assertThat(controllerManager.get("mode")).isEqualTo("0600");
  }

  @Test
  @DisplayName(
      "a relative link climbing above the root stops at the root, like .. at / on the host")
  void relativeEscapeIsClamped() throws Exception {
    NodeTreeFixture node = NodeTreeFixture.empty(base);
    Files.writeString(base.resolve("passwd"), "outside the root");
    node.symlink("/etc/kubernetes/admin.conf", "../../../../../../passwd");
    node.file("/passwd", "inside the root", "640");

    Map<String, Object> admin = Facts.role(node.collect(), "adminKubeconfig");

    assertThat(admin.get("resolved")).isEqualTo("/passwd");
    assertThat(admin.get("mode")).isEqualTo("0640");
    assertThat(admin.get("size")).isEqualTo((long) "inside the root".length());
  }

  @Test
  @DisplayName("a symbolic link loop is an error fact, not a hang or an exception")
  void loop() {
    NodeTreeFixture node = NodeTreeFixture.empty(base);
    node.symlink("/etc/kubernetes/admin.conf", "/etc/kubernetes/loop");
    node.symlink("/etc/kubernetes/loop", "/etc/kubernetes/admin.conf");

    Map<String, Object> facts = node.collect();

    assertThat(Facts.role(facts, "adminKubeconfig").get("exists")).isEqualTo(false);
    assertThat(Facts.errorsAbout(facts, "/etc/kubernetes/admin.conf"))
        .anySatisfy(message -> assertThat((String) message).contains("symbolic links"));
  }

  @Test
  @DisplayName(
      "a path through a linked directory resolves, and a file used as a directory is missing")
  void directoryLinks() throws Exception {
    HostFileSystem fs =
        new HostFileSystem(
            NodeTreeFixture.empty(base)
                .file("/opt/k8s/pki/ca.crt", "CERT", "644")
                .symlink("/etc/kubernetes", "../opt/k8s")
                .root());
    HostFileSystem.Resolution ca = fs.resolve("/etc/kubernetes/pki/ca.crt");
    assertThat(ca.exists()).isTrue();
    assertThat(ca.resolvedHostPath()).isEqualTo("/opt/k8s/pki/ca.crt");
    assertThat(fs.resolve("/etc/kubernetes/pki/ca.crt/x").exists()).isFalse();
  }
}
