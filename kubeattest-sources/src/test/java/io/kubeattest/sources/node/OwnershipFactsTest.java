package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("owner and group names come from the host root's account files")
class OwnershipFactsTest {
  @TempDir Path base;

  @Test
  @DisplayName("an id the host's /etc/passwd does not list is named by its number")
  void unknownIdIsANumber() {
    NodeTreeFixture node = NodeTreeFixture.empty(base);
    node.file("/etc/passwd", "somebody:x:4242:4242::/:/bin/false\n", "644")
        .file("/etc/group", "", "644")
        .file("/etc/kubernetes/admin.conf", "x", "600");

    Map<String, Object> admin = role(node.collect(), "adminKubeconfig");

    assertThat(admin.get("owner")).isEqualTo(Long.toString(node.uid()));
    assertThat(admin.get("ownership")).isEqualTo(admin.get("uid") + ":" + admin.get("gid"));
  }

  @Test
  @DisplayName("the etcd data directory owned by the host's etcd user reads etcd:etcd")
  void etcdOwner() {
    assumeTrue(NodeTreeFixture.empty(base.resolve("probe")).uid() == 0, "chown needs root");
    NodeTreeFixture node = NodeTreeFixture.kubeadmControlPlane(base.resolve("node"));
    node.file(
            "/etc/passwd",
            "root:x:0:0:root:/root:/bin/sh\netcd:x:998:997:etcd:/var/lib/etcd:/sbin/nologin\n",
            "644")
        .file("/etc/group", "root:x:0:\netcd:x:997:\n", "644")
        .owner("/var/lib/etcd", 998, 997);

    Map<String, Object> facts = node.collect();

    assertThat(role(facts, "etcdDataDir"))
        .containsEntry("uid", 998L)
        .containsEntry("gid", 997L)
        .containsEntry("ownership", "etcd:etcd");
    assertThat(role(facts, "apiserverManifest").get("ownership")).isEqualTo("root:root");
  }
}
