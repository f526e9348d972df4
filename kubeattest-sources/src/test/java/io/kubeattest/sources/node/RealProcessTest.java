package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts real processes named like components (a link called {@code kube-apiserver} to {@code
 * /bin/sh} that sleeps) and finds them through the real {@code /proc}.
 */
@DisplayName("real processes are found through the real /proc")
class RealProcessTest {
  @TempDir Path base;
  private @Nullable Process started;

  @AfterEach
  void kill() throws Exception {
    Process process = started;
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor();
    }
    // remove the links to /bin/sh ourselves, so the temp dir cleanup has no link to warn about
    Path bin = base.resolve("bin");
    if (Files.isDirectory(bin)) {
      try (var links = Files.list(bin)) {
        for (Path link : links.toList()) {
          Files.delete(link);
        }
      }
    }
  }

  private Process start(String name, Map<String, String> env, String... flags) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs a Linux /proc");
    Path bin = Files.createDirectories(base.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve(name), Path.of("/bin/sh"));
    List<String> command =
        new java.util.ArrayList<>(List.of(link.toString(), "-c", "sleep 30; exit 0", name));
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Process process = builder.start();
    started = process;
    // wait until the kernel shows the new command line
    Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    for (int i = 0; i < 100 && !Files.readString(cmdline).contains(name + "\0"); i++) {
      Thread.sleep(20);
    }
    return process;
  }

  @Test
  @DisplayName("a process named kube-apiserver is the API server, with its flags in every form")
  void apiserver() throws Exception {
    Process process =
        start(
            "kube-apiserver",
            Map.of(),
            "--anonymous-auth=false",
            "--authorization-mode",
            "Node,RBAC",
            "--profiling",
            "--audit-log-maxage",
            "30");
    NodeTreeFixture node = NodeTreeFixture.empty(base.resolve("node"));

    Map<String, Object> facts = new NodeFactsCollector(node.root(), Path.of("/proc")).collect();

    Map<String, Object> apiserver = map(facts, "components", "apiserver");
    assertThat(apiserver.get("running")).isEqualTo(true);
    assertThat(Facts.list(apiserver, "pids")).contains((Object) process.pid());
    assertThat(apiserver.get("comm")).isEqualTo("kube-apiserver");
    assertThat(map(facts, "components", "apiserver", "flag"))
        .containsEntry("anonymous-auth", "false")
        .containsEntry("authorization-mode", "Node,RBAC")
        .containsEntry("profiling", "true")
        .containsEntry("audit-log-maxage", "30");
    assertThat(Facts.list(facts, "targets")).contains("master", "controlplane");
  }

  @Test
  @DisplayName("etcd settings are read from the real process environment, ETCD_* only")
  void etcdEnvironment() throws Exception {
    start(
        "etcd",
        Map.of("ETCD_CLIENT_CERT_AUTH", "true", "UNRELATED_SECRET", "x"),
        "--cert-file=/etc/kubernetes/pki/etcd/server.crt");
    NodeTreeFixture node = NodeTreeFixture.empty(base.resolve("node"));

    Map<String, Object> facts = new NodeFactsCollector(node.root(), Path.of("/proc")).collect();

    assertThat(map(facts, "components", "etcd", "env"))
        .containsEntry("ETCD_CLIENT_CERT_AUTH", "true")
        .doesNotContainKey("UNRELATED_SECRET");
    assertThat(map(facts, "components", "etcd", "settings"))
        .containsEntry("client-cert-auth", "true")
        .containsEntry("cert-file", "/etc/kubernetes/pki/etcd/server.crt");
  }
}
