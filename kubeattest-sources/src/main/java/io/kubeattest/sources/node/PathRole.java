package io.kubeattest.sources.node;

import java.util.List;

/**
 * A file or directory a CIS check names, by its role. The facts tree maps each role to the host
 * path found for it under {@code paths}, and that path always has an entry under {@code files}. How
 * a role's path is found is documented in {@code docs/node-facts.md}: an override wins, then the
 * component's own flag where one names it, then the first candidate that exists (the alternatives
 * kube-bench accepts), then the default.
 */
// the List fields hold List.of values, which are immutable
@SuppressWarnings("ImmutableEnumChecker")
public enum PathRole {
  APISERVER_MANIFEST(
      "apiserverManifest",
      List.of(
          "/etc/kubernetes/manifests/kube-apiserver.yaml",
          "/etc/kubernetes/manifests/kube-apiserver.yml",
          "/etc/kubernetes/manifests/kube-apiserver.manifest",
          "/var/lib/rancher/rke2/agent/pod-manifests/kube-apiserver.yaml"),
      false),
  CONTROLLER_MANAGER_MANIFEST(
      "controllerManagerManifest",
      List.of(
          "/etc/kubernetes/manifests/kube-controller-manager.yaml",
          "/etc/kubernetes/manifests/kube-controller-manager.yml",
          "/etc/kubernetes/manifests/kube-controller-manager.manifest",
          "/var/lib/rancher/rke2/agent/pod-manifests/kube-controller-manager.yaml"),
      false),
  SCHEDULER_MANIFEST(
      "schedulerManifest",
      List.of(
          "/etc/kubernetes/manifests/kube-scheduler.yaml",
          "/etc/kubernetes/manifests/kube-scheduler.yml",
          "/etc/kubernetes/manifests/kube-scheduler.manifest",
          "/var/lib/rancher/rke2/agent/pod-manifests/kube-scheduler.yaml"),
      false),
  ETCD_MANIFEST(
      "etcdManifest",
      List.of(
          "/etc/kubernetes/manifests/etcd.yaml",
          "/etc/kubernetes/manifests/etcd.yml",
          "/etc/kubernetes/manifests/etcd.manifest",
          "/var/lib/rancher/rke2/agent/pod-manifests/etcd.yaml"),
      false),
  ETCD_DATA_DIR(
      "etcdDataDir",
      List.of(
          "/var/lib/etcd/default.etcd",
          "/var/lib/etcd/data.etcd",
          "/var/lib/rancher/k3s/server/db/etcd"),
      false),
  ADMIN_KUBECONFIG(
      "adminKubeconfig",
      List.of(
          "/etc/kubernetes/admin.conf",
          "/var/lib/rancher/k3s/server/cred/admin.kubeconfig",
          "/var/lib/rancher/rke2/server/cred/admin.kubeconfig"),
      false),
  SUPER_ADMIN_KUBECONFIG(
      "superAdminKubeconfig", List.of("/etc/kubernetes/super-admin.conf"), false),
  SCHEDULER_KUBECONFIG(
      "schedulerKubeconfig",
      List.of("/etc/kubernetes/scheduler.conf", "/var/lib/kube-scheduler/kubeconfig"),
      false),
  CONTROLLER_MANAGER_KUBECONFIG(
      "controllerManagerKubeconfig",
      List.of(
          "/etc/kubernetes/controller-manager.conf", "/var/lib/kube-controller-manager/kubeconfig"),
      false),
  PKI_DIR(
      "pkiDir",
      List.of(
          "/etc/kubernetes/pki",
          "/var/lib/rancher/k3s/server/tls",
          "/var/lib/rancher/rke2/server/tls"),
      true),
  CNI_CONF_DIR("cniConfDir", List.of("/etc/cni/net.d"), true),
  CNI_NETWORKS_DIR("cniNetworksDir", List.of("/var/lib/cni/networks"), true),
  KUBELET_SERVICE(
      "kubeletService",
      List.of(
          "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
          "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
          "/etc/systemd/system/kubelet.service",
          "/lib/systemd/system/kubelet.service",
          "/etc/systemd/system/snap.kubelet.daemon.service"),
      false),
  KUBELET_CONFIG("kubeletConfig", List.of("/var/lib/kubelet/config.yaml"), false),
  KUBELET_KUBECONFIG(
      "kubeletKubeconfig",
      List.of(
          "/etc/kubernetes/kubelet.conf",
          "/etc/kubernetes/kubelet-kubeconfig.conf",
          "/var/lib/kubelet/kubeconfig",
          "/etc/kubernetes/kubelet/kubeconfig",
          "/var/lib/rancher/rke2/agent/kubelet.kubeconfig",
          "/var/lib/rancher/k3s/agent/kubelet.kubeconfig"),
      false),
  KUBELET_CLIENT_CA(
      "kubeletClientCaFile",
      List.of(
          "/etc/kubernetes/pki/ca.crt",
          "/etc/kubernetes/certs/ca.crt",
          "/var/lib/rancher/rke2/agent/client-ca.crt",
          "/var/lib/rancher/k3s/agent/client-ca.crt"),
      false),
  PROXY_KUBECONFIG(
      "proxyKubeconfig",
      List.of(
          "/etc/kubernetes/proxy.conf",
          "/var/lib/kube-proxy/kubeconfig.conf",
          "/var/lib/rancher/rke2/agent/kubeproxy.kubeconfig",
          "/var/lib/rancher/k3s/agent/kubeproxy.kubeconfig"),
      false),
  PROXY_CONFIG("proxyConfig", List.of(), false),
  ENCRYPTION_PROVIDER_CONFIG("encryptionProviderConfig", List.of(), false),
  ADMISSION_CONTROL_CONFIG("admissionControlConfig", List.of(), false),
  AUDIT_POLICY("auditPolicyFile", List.of(), false);

  private final String key;
  private final List<String> candidates;
  private final boolean listEntries;

  PathRole(String key, List<String> candidates, boolean listEntries) {
    this.key = key;
    this.candidates = candidates;
    this.listEntries = listEntries;
  }

  /** The key of this role under {@code paths} in the facts tree. */
  public String key() {
    return key;
  }

  /** Host paths tried in order; the first is the default. Empty when only a flag names it. */
  public List<String> candidates() {
    return candidates;
  }

  /** Whether the file fact lists every entry below the directory. */
  boolean listEntries() {
    return listEntries;
  }
}
