package io.kubeattest.sources.node;

import java.util.List;

/**
 * A Kubernetes node component the CIS benchmark audits, with the process names that identify it
 * (the alternatives kube-bench accepts in its {@code cfg/config.yaml}) and the flags whose values
 * are host paths the collector stats.
 */
// the List fields hold List.of values, which are immutable
@SuppressWarnings("ImmutableEnumChecker")
public enum Component {
  /** kube-apiserver. */
  APISERVER(
      "apiserver",
      List.of(
          "kube-apiserver",
          "hyperkube apiserver",
          "hyperkube kube-apiserver",
          "apiserver",
          "openshift start master api",
          "hypershift openshift-kube-apiserver"),
      "kube-apiserver-arg",
      "",
      List.of(
          "client-ca-file",
          "tls-cert-file",
          "tls-private-key-file",
          "etcd-cafile",
          "etcd-certfile",
          "etcd-keyfile",
          "kubelet-client-certificate",
          "kubelet-client-key",
          "kubelet-certificate-authority",
          "service-account-key-file",
          "service-account-signing-key-file",
          "encryption-provider-config",
          "admission-control-config-file",
          "audit-policy-file",
          "token-auth-file",
          "requestheader-client-ca-file",
          "proxy-client-cert-file",
          "proxy-client-key-file")),
  /** kube-controller-manager; its fact key has no hyphen so CEL can select it with a dot. */
  CONTROLLER_MANAGER(
      "controllermanager",
      List.of(
          "kube-controller-manager",
          "kube-controller",
          "hyperkube controller-manager",
          "hyperkube kube-controller-manager",
          "controller-manager",
          "openshift start master controllers",
          "hypershift openshift-controller-manager"),
      "kube-controller-manager-arg",
      "",
      List.of(
          "kubeconfig",
          "authentication-kubeconfig",
          "authorization-kubeconfig",
          "service-account-private-key-file",
          "root-ca-file",
          "cluster-signing-cert-file",
          "cluster-signing-key-file",
          "client-ca-file",
          "requestheader-client-ca-file")),
  /** kube-scheduler. */
  SCHEDULER(
      "scheduler",
      List.of(
          "kube-scheduler",
          "hyperkube scheduler",
          "hyperkube kube-scheduler",
          "scheduler",
          "openshift start master controllers"),
      "kube-scheduler-arg",
      "",
      List.of("kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig", "config")),
  /** etcd; it also reads its settings from {@code ETCD_*} environment variables. */
  ETCD(
      "etcd",
      List.of("etcd", "openshift start etcd"),
      "etcd-arg",
      "ETCD_",
      List.of(
          "cert-file",
          "key-file",
          "peer-cert-file",
          "peer-key-file",
          "trusted-ca-file",
          "peer-trusted-ca-file",
          "data-dir",
          "config-file")),
  /** kubelet. */
  KUBELET(
      "kubelet",
      List.of("kubelet", "hyperkube kubelet"),
      "kubelet-arg",
      "",
      List.of(
          "config",
          "kubeconfig",
          "bootstrap-kubeconfig",
          "client-ca-file",
          "tls-cert-file",
          "tls-private-key-file")),
  /** kube-proxy. */
  PROXY(
      "proxy",
      List.of(
          "kube-proxy",
          "hyperkube proxy",
          "hyperkube kube-proxy",
          "proxy",
          "openshift start network"),
      "kube-proxy-arg",
      "",
      List.of("config", "kubeconfig"));

  private final String key;
  private final List<String> defaultBins;
  private final String supervisorArg;
  private final String envPrefix;
  private final List<String> pathFlags;

  Component(
      String key,
      List<String> defaultBins,
      String supervisorArg,
      String envPrefix,
      List<String> pathFlags) {
    this.key = key;
    this.defaultBins = defaultBins;
    this.supervisorArg = supervisorArg;
    this.envPrefix = envPrefix;
    this.pathFlags = pathFlags;
  }

  /** The key of this component under {@code components} in the facts tree. */
  public String key() {
    return key;
  }

  /**
   * Process names that identify this component: the first word is the program (basename of argv[0]
   * or the kernel's {@code comm}), further words must follow as argv[1], argv[2], ...
   */
  public List<String> defaultBins() {
    return defaultBins;
  }

  /** The k3s/rke2 flag that passes arguments to this embedded component. */
  String supervisorArg() {
    return supervisorArg;
  }

  /** Prefix of the environment variables this component reads as settings, or empty. */
  String envPrefix() {
    return envPrefix;
  }

  /** Flags whose values name host files the collector stats. */
  List<String> pathFlags() {
    return pathFlags;
  }
}
