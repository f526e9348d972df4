package io.kubeattest.sources.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a node's host tree and proc tree under a temp directory: {@code <base>/root} holds host
 * files with real modes, {@code <base>/proc/<pid>/cmdline} holds NUL-separated command lines.
 *
 * <p>Owners are the test user. So that ownership facts read like a real host's, every fixture
 * writes {@code <root>/etc/passwd} and {@code <root>/etc/group} naming the test user's uid and gid
 * {@code root}, the way the collector names ids from the host root's account files.
 */
public final class NodeTreeFixture {
  static final String VERSION = "v1.31.2";

  /** Where a k3s server started with {@code --cluster-init} writes its embedded etcd's config. */
  static final String K3S_ETCD_CONFIG_PATH = "/var/lib/rancher/k3s/server/db/etcd/config";

  private final Path root;
  private final Path proc;
  private final long uid;
  private final long gid;

  private NodeTreeFixture(Path base) {
    try {
      this.root = Files.createDirectories(base.resolve("root"));
      this.proc = Files.createDirectories(base.resolve("proc"));
      this.uid = ((Number) Files.getAttribute(base, "unix:uid")).longValue();
      this.gid = ((Number) Files.getAttribute(base, "unix:gid")).longValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file("/etc/passwd", "root:x:" + uid + ":" + gid + ":root:/root:/bin/sh\n", "644");
    file("/etc/group", "root:x:" + gid + ":\n", "644");
    file("/etc/hostname", "cp-1\n", "644");
  }

  /** An empty node: only account files and a hostname. */
  public static NodeTreeFixture empty(Path base) {
    return new NodeTreeFixture(base);
  }

  public Path root() {
    return root;
  }

  public Path proc() {
    return proc;
  }

  long uid() {
    return uid;
  }

  NodeFactsCollector collector() {
    return new NodeFactsCollector(root, proc);
  }

  NodeFactsCollector collector(NodeOverrides overrides, ReadLimits limits) {
    return new NodeFactsCollector(root, proc, overrides, limits);
  }

  public Map<String, Object> collect() {
    return collector().collect();
  }

  /** Writes a host file with an octal mode such as {@code "600"}, creating parents (0755). */
  public NodeTreeFixture file(String hostPath, String content, String mode) {
    return bytes(hostPath, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  NodeTreeFixture bytes(String hostPath, byte[] content, String mode) {
    Path path = host(hostPath);
    try {
      Files.createDirectories(path.getParent());
      Files.write(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mode(hostPath, mode);
  }

  NodeTreeFixture dir(String hostPath, String mode) {
    try {
      Files.createDirectories(host(hostPath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mode(hostPath, mode);
  }

  NodeTreeFixture symlink(String hostPath, String target) {
    Path path = host(hostPath);
    try {
      Files.createDirectories(path.getParent());
      Files.createSymbolicLink(path, Paths.get(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public NodeTreeFixture mode(String hostPath, String octal) {
    try {
      Files.setPosixFilePermissions(host(hostPath), permissions(Integer.parseInt(octal, 8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Sets numeric owner and group (needs root; tests that use it assume root). */
  NodeTreeFixture owner(String hostPath, long ownerUid, long ownerGid) {
    try {
      Files.setAttribute(host(hostPath), "unix:uid", (int) ownerUid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(host(hostPath), "unix:gid", (int) ownerGid, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A process: {@code proc/<pid>/cmdline} (NUL-separated, NUL-terminated) and {@code comm}. */
  NodeTreeFixture process(long pid, List<String> argv) {
    StringBuilder cmdline = new StringBuilder();
    argv.forEach(arg -> cmdline.append(arg).append('\0'));
    String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    return procFile(pid, "cmdline", cmdline.toString().getBytes(StandardCharsets.UTF_8))
        .procFile(
            pid,
            "comm",
            (program.substring(0, Math.min(15, program.length())) + "\n")
                .getBytes(StandardCharsets.UTF_8));
  }

  public NodeTreeFixture process(long pid, String program, String flags) {
    List<String> argv = new ArrayList<>();
    argv.add(program);
    for (String flag : flags.trim().split("\\s+", -1)) {
      if (!flag.isEmpty()) {
        argv.add(flag);
      }
    }
    return process(pid, argv);
  }

  NodeTreeFixture environ(long pid, String... variables) {
    StringBuilder environ = new StringBuilder();
    for (String variable : variables) {
      environ.append(variable).append('\0');
    }
    return procFile(pid, "environ", environ.toString().getBytes(StandardCharsets.UTF_8));
  }

  NodeTreeFixture procFile(long pid, String name, byte[] content) {
    try {
      Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
      Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path host(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }

  // ---- realistic nodes ----

  /** A control-plane node as {@code kubeadm init} (v1.31) leaves it, kube-proxy in its pod. */
  public static NodeTreeFixture kubeadmControlPlane(Path base) {
    NodeTreeFixture node = new NodeTreeFixture(base);
    node.kubeadmFiles();
    node.process(1, List.of("/sbin/init"));
    node.process(410, "/usr/bin/kubelet", FixtureData.KUBELET);
    node.process(1021, "kube-apiserver", FixtureData.APISERVER);
    node.process(1033, "kube-controller-manager", FixtureData.CONTROLLER_MANAGER);
    node.process(1040, "kube-scheduler", FixtureData.SCHEDULER);
    node.process(1052, "etcd", FixtureData.ETCD);
    node.process(1530, "/usr/local/bin/kube-proxy", FixtureData.PROXY);
    node.process(2001, List.of("/bin/bash", "-c", "kube-apiserver --help"));
    return node;
  }

  /**
   * A hardened control-plane node: CIS remediations applied, flags written in every form ({@code
   * --flag value}, single-dash etcd flags, settings from etcd's environment), the kubelet config in
   * JSON at a non-default path named by {@code --config}.
   */
  public static NodeTreeFixture hardenedControlPlane(Path base) {
    NodeTreeFixture node = new NodeTreeFixture(base);
    node.kubeadmFiles();
    node.mode("/var/lib/kubelet/config.yaml", "600")
        .mode("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", "600")
        .mode("/etc/cni/net.d/10-flannel.conflist", "600")
        .file(
            "/etc/kubernetes/kubelet/kubelet-config.json", FixtureData.HARDENED_KUBELET_JSON, "600")
        .file("/etc/kubernetes/enc/encryption.yaml", FixtureData.ENCRYPTION_CONFIG, "600")
        .file("/etc/kubernetes/admission/admission.yaml", FixtureData.ADMISSION_CONFIG, "600")
        .file("/etc/kubernetes/audit/policy.yaml", FixtureData.AUDIT_POLICY, "600")
        .file("/var/lib/kube-proxy/config.conf", FixtureData.PROXY_CONFIG, "600")
        .file("/var/lib/kube-proxy/kubeconfig.conf", "apiVersion: v1\nkind: Config\n", "600");
    node.process(1, List.of("/sbin/init"));
    node.process(410, "/usr/bin/kubelet", FixtureData.HARDENED_KUBELET);
    node.process(1021, "kube-apiserver", FixtureData.HARDENED_APISERVER);
    node.process(1033, "kube-controller-manager", FixtureData.HARDENED_CONTROLLER_MANAGER);
    node.process(1040, "kube-scheduler", FixtureData.HARDENED_SCHEDULER);
    node.process(1052, "etcd", FixtureData.HARDENED_ETCD);
    node.environ(
        1052,
        "PATH=/usr/local/bin:/usr/bin",
        "ETCD_CLIENT_CERT_AUTH=true",
        "ETCD_AUTO_TLS=false",
        "ETCD_PEER_AUTO_TLS=false",
        "ETCD_UNSAFE_NO_FSYNC=false",
        "AWS_SECRET_ACCESS_KEY=do-not-collect");
    node.process(1530, "/usr/local/bin/kube-proxy", FixtureData.HARDENED_PROXY);
    return node;
  }

  /**
   * A k3s server: one {@code k3s server} process carries every component's flags through {@code
   * --kube-apiserver-arg} and friends, plus {@code /etc/rancher/k3s/config.yaml}.
   */
  public static NodeTreeFixture k3sServer(Path base) {
    NodeTreeFixture node = new NodeTreeFixture(base);
    node.file("/etc/rancher/k3s/config.yaml", FixtureData.K3S_CONFIG, "600")
        .dir("/var/lib/rancher/k3s/server/db/etcd", "700")
        .file(K3S_ETCD_CONFIG_PATH, FixtureData.K3S_ETCD_CONFIG, "600")
        .file("/var/lib/rancher/k3s/agent/kubelet.kubeconfig", "apiVersion: v1\n", "600")
        .file("/var/lib/rancher/k3s/agent/kubeproxy.kubeconfig", "apiVersion: v1\n", "600")
        .file("/var/lib/rancher/k3s/agent/client-ca.crt", "CERT\n", "644")
        .file("/var/lib/rancher/k3s/server/tls/server-ca.crt", "CERT\n", "644");
    node.process(1, List.of("/sbin/init"));
    node.process(
        812,
        List.of(
            "/usr/local/bin/k3s",
            "server",
            "--protect-kernel-defaults=true",
            "--secrets-encryption",
            "--token",
            "K10abc::server:s3cr3t",
            "--kube-apiserver-arg=anonymous-auth=false",
            "--kube-apiserver-arg",
            "audit-log-path=/var/lib/rancher/k3s/server/logs/audit.log",
            "--kube-apiserver-arg=audit-log-maxage=30",
            "--kube-controller-manager-arg=terminated-pod-gc-threshold=10",
            "--kube-scheduler-arg=profiling=false",
            "--kubelet-arg=read-only-port=0",
            "--kubelet-arg=streaming-connection-idle-timeout=5m",
            "--kube-proxy-arg=metrics-bind-address=127.0.0.1:10249"));
    node.process(840, "containerd", "-c /var/lib/rancher/k3s/agent/etc/containerd/config.toml");
    return node;
  }

  /**
   * A k3s server as the k3s installer leaves it (v1.32 layout under {@code /var/lib/rancher/k3s}):
   * certificates {@code 0644} and keys {@code 0600} under {@code server/tls}, kubeconfigs {@code
   * 0600} under {@code server/cred}, embedded etcd (and, with {@code --cluster-init}, the etcd
   * config file k3s writes), the kubelet drop-in k3s writes, one {@code k3s server} process whose
   * command line holds only what the user gave ({@code args}, after {@code server}), and {@code
   * /etc/rancher/k3s/config.yaml} when {@code config} is not empty.
   */
  public static NodeTreeFixture k3sServerNode(Path base, String config, List<String> args) {
    NodeTreeFixture node = new NodeTreeFixture(base);
    String server = "/var/lib/rancher/k3s/server";
    String agent = "/var/lib/rancher/k3s/agent";
    if (!config.isEmpty()) {
      node.file("/etc/rancher/k3s/config.yaml", config, "600");
    }
    node.dir(server, "700").dir(server + "/tls", "700").dir(server + "/cred", "700");
    for (String ca : List.of("client-ca", "server-ca", "request-header-ca", "etcd/server-ca")) {
      node.file(server + "/tls/" + ca + ".crt", "-----BEGIN CERTIFICATE-----\n", "644")
          .file(server + "/tls/" + ca + ".key", "-----BEGIN EC PRIVATE KEY-----\n", "600");
    }
    for (String pair :
        List.of(
            "serving-kube-apiserver",
            "client-kube-apiserver",
            "client-auth-proxy",
            "client-admin",
            "etcd/client")) {
      node.file(server + "/tls/" + pair + ".crt", "-----BEGIN CERTIFICATE-----\n", "644")
          .file(server + "/tls/" + pair + ".key", "-----BEGIN EC PRIVATE KEY-----\n", "600");
    }
    node.file(server + "/tls/service.key", "-----BEGIN RSA PRIVATE KEY-----\n", "600")
        .file(server + "/tls/service.current.key", "-----BEGIN RSA PRIVATE KEY-----\n", "600");
    for (String kubeconfig : List.of("admin", "controller", "scheduler", "supervisor")) {
      node.file(server + "/cred/" + kubeconfig + ".kubeconfig", "apiVersion: v1\n", "600");
    }
    node.file(
            server + "/cred/encryption-config.json",
            "{\"kind\":\"EncryptionConfiguration\"}\n",
            "600")
        .dir(server + "/db/etcd", "700")
        .agentFiles("k3s")
        .file(
            "/etc/systemd/system/k3s.service",
            "[Service]\nExecStart=/usr/local/bin/k3s server\n",
            "644");
    if (args.contains("--cluster-init") || config.contains("cluster-init: true")) {
      node.file(K3S_ETCD_CONFIG_PATH, FixtureData.K3S_ETCD_CONFIG, "600");
    }
    List<String> argv = new ArrayList<>(List.of("/usr/local/bin/k3s", "server"));
    argv.addAll(args);
    node.process(1, List.of("/sbin/init"));
    node.process(812, argv);
    node.process(840, "containerd", "-c " + agent + "/etc/containerd/config.toml");
    return node;
  }

  /** The agent directory of k3s or rke2: kubeconfigs, kubelet certificates, kubelet drop-in. */
  private NodeTreeFixture agentFiles(String program) {
    String agent = "/var/lib/rancher/" + program + "/agent";
    return file(agent + "/kubelet.kubeconfig", "apiVersion: v1\n", "600")
        .file(agent + "/kubeproxy.kubeconfig", "apiVersion: v1\n", "600")
        .file(agent + "/client-ca.crt", "-----BEGIN CERTIFICATE-----\n", "644")
        .file(agent + "/serving-kubelet.crt", "-----BEGIN CERTIFICATE-----\n", "644")
        .file(agent + "/serving-kubelet.key", "-----BEGIN EC PRIVATE KEY-----\n", "600")
        .file(
            agent + "/etc/kubelet.conf.d/00-" + program + "-defaults.conf",
            "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n",
            "600");
  }

  /**
   * An rke2 server: the control plane as static pod processes with their full command lines, the
   * kubelet as a process of its own reading rke2's defaults from the drop-in directory named by
   * {@code --config-dir} (the directory is left out when {@code configDir} is false), and {@code
   * kubeletArgs} added to its command line.
   */
  public static NodeTreeFixture rke2ServerNode(Path base, boolean configDir, String kubeletArgs) {
    NodeTreeFixture node = new NodeTreeFixture(base);
    String agent = "/var/lib/rancher/rke2/agent";
    String tls = "/var/lib/rancher/rke2/server/tls";
    node.file("/etc/rancher/rke2/config.yaml", "profile: cis\n", "600").agentFiles("rke2");
    node.process(1, List.of("/sbin/init"));
    node.process(700, List.of("/usr/local/bin/rke2", "server"));
    node.process(
        1021,
        "kube-apiserver",
        "--authorization-mode=Node,RBAC --profiling=false --client-ca-file="
            + tls
            + "/client-ca.crt --enable-admission-plugins=NodeRestriction");
    node.process(
        760,
        "/var/lib/rancher/rke2/data/v1.32.5-rke2r1-abc/bin/kubelet",
        (configDir ? "--config-dir=" + agent + "/etc/kubelet.conf.d " : "")
            + "--kubeconfig="
            + agent
            + "/kubelet.kubeconfig --node-labels= "
            + kubeletArgs);
    return node;
  }

  /**
   * A control-plane node with every CIS setting wrong: files world-readable and owned by an account
   * named {@code kube}, insecure flags on every component, a kubelet config that turns every
   * protection off. Each automated check fails (or warns, for checks the benchmark marks manual).
   */
  public static NodeTreeFixture brokenControlPlane(Path base) {
    NodeTreeFixture node = new NodeTreeFixture(base);
    node.kubeadmFiles();
    node.file("/etc/passwd", "kube:x:" + node.uid + ":" + node.gid + ":kube:/:/bin/sh\n", "644")
        .file("/etc/group", "kube:x:" + node.gid + ":\n", "644");
    for (String name :
        List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd")) {
      node.mode("/etc/kubernetes/manifests/" + name + ".yaml", "644");
    }
    for (String conf :
        List.of(
            "admin.conf",
            "super-admin.conf",
            "scheduler.conf",
            "controller-manager.conf",
            "kubelet.conf")) {
      node.mode("/etc/kubernetes/" + conf, "644");
    }
    node.mode("/var/lib/etcd", "755")
        .mode("/etc/kubernetes/pki/ca.crt", "666")
        .mode("/etc/kubernetes/pki/apiserver.key", "644")
        .mode("/etc/cni/net.d/10-flannel.conflist", "666")
        .file("/var/lib/cni/networks/cbr0/10.244.0.2", "abc\n", "644")
        .file("/var/lib/kubelet/config.yaml", FixtureData.BROKEN_KUBELET_CONFIG, "644")
        .file("/etc/kubernetes/enc/encryption.yaml", FixtureData.BROKEN_ENCRYPTION_CONFIG, "644")
        .file("/var/lib/kube-proxy/config.conf", FixtureData.BROKEN_PROXY_CONFIG, "644")
        .file("/var/lib/kube-proxy/kubeconfig.conf", "apiVersion: v1\nkind: Config\n", "644");
    node.process(1, List.of("/sbin/init"));
    node.process(410, "/usr/bin/kubelet", FixtureData.BROKEN_KUBELET);
    node.process(1021, "kube-apiserver", FixtureData.BROKEN_APISERVER);
    node.process(1033, "kube-controller-manager", FixtureData.BROKEN_CONTROLLER_MANAGER);
    node.process(1040, "kube-scheduler", FixtureData.BROKEN_SCHEDULER);
    node.process(1052, "etcd", FixtureData.BROKEN_ETCD);
    node.process(1530, "/usr/local/bin/kube-proxy", FixtureData.BROKEN_PROXY);
    return node;
  }

  private void kubeadmFiles() {
    dir("/etc/kubernetes", "755");
    dir("/etc/kubernetes/manifests", "700");
    manifest("kube-apiserver", FixtureData.APISERVER, "registry.k8s.io/kube-apiserver:" + VERSION);
    manifest(
        "kube-controller-manager",
        FixtureData.CONTROLLER_MANAGER,
        "registry.k8s.io/kube-controller-manager:" + VERSION);
    manifest("kube-scheduler", FixtureData.SCHEDULER, "registry.k8s.io/kube-scheduler:" + VERSION);
    manifest("etcd", FixtureData.ETCD, "registry.k8s.io/etcd:3.5.15-0");
    for (String conf :
        List.of("admin.conf", "super-admin.conf", "scheduler.conf", "controller-manager.conf")) {
      file("/etc/kubernetes/" + conf, FixtureData.kubeconfig(conf), "600");
    }
    file("/etc/kubernetes/kubelet.conf", FixtureData.kubeconfig("kubelet.conf"), "600");
    dir("/etc/kubernetes/pki", "755");
    dir("/etc/kubernetes/pki/etcd", "755");
    for (String pair :
        List.of(
            "ca",
            "apiserver",
            "apiserver-kubelet-client",
            "front-proxy-ca",
            "front-proxy-client",
            "apiserver-etcd-client",
            "etcd/ca",
            "etcd/server",
            "etcd/peer",
            "etcd/healthcheck-client")) {
      file("/etc/kubernetes/pki/" + pair + ".crt", "-----BEGIN CERTIFICATE-----\n", "644");
      file("/etc/kubernetes/pki/" + pair + ".key", "-----BEGIN PRIVATE KEY-----\n", "600");
    }
    file("/etc/kubernetes/pki/sa.key", "-----BEGIN PRIVATE KEY-----\n", "600");
    file("/etc/kubernetes/pki/sa.pub", "-----BEGIN PUBLIC KEY-----\n", "644");
    file("/var/lib/kubelet/config.yaml", FixtureData.KUBELET_CONFIG, "644");
    file(
        "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
        "[Service]\nEnvironment=\"KUBELET_KUBECONFIG_ARGS=--kubeconfig=/etc/kubernetes/kubelet.conf\"\n",
        "644");
    dir("/var/lib/etcd", "700");
    dir("/var/lib/etcd/member", "700");
    dir("/etc/cni/net.d", "755");
    file("/etc/cni/net.d/10-flannel.conflist", "{\"name\": \"cbr0\"}\n", "644");
    dir("/var/lib/cni/networks", "755");
  }

  private void manifest(String name, String flags, String image) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ")
        .append(name)
        .append("\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - ")
        .append(name)
        .append('\n');
    for (String flag : flags.trim().split("\\s+", -1)) {
      yaml.append("    - ").append(flag).append('\n');
    }
    yaml.append("    image: ").append(image).append("\n    name: ").append(name).append('\n');
    yaml.append("  hostNetwork: true\n  priorityClassName: system-node-critical\n");
    file("/etc/kubernetes/manifests/" + name + ".yaml", yaml.toString(), "600");
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
