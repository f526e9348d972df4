package io.kubeattest.sources.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixture files under {@code src/test/resources/node}, read from the classpath. */
final class FixtureData {
  static final String APISERVER = text("kubeadm/kube-apiserver.flags");
  static final String CONTROLLER_MANAGER = text("kubeadm/kube-controller-manager.flags");
  static final String SCHEDULER = text("kubeadm/kube-scheduler.flags");
  static final String ETCD = text("kubeadm/etcd.flags");
  static final String KUBELET = text("kubeadm/kubelet.flags");
  static final String PROXY = text("kubeadm/kube-proxy.flags");
  static final String KUBELET_CONFIG = text("kubeadm/kubelet-config.yaml");

  static final String HARDENED_APISERVER = text("hardened/kube-apiserver.flags");
  static final String HARDENED_CONTROLLER_MANAGER = text("hardened/kube-controller-manager.flags");
  static final String HARDENED_SCHEDULER = text("hardened/kube-scheduler.flags");
  static final String HARDENED_ETCD = text("hardened/etcd.flags");
  static final String HARDENED_KUBELET = text("hardened/kubelet.flags");
  static final String HARDENED_PROXY = text("hardened/kube-proxy.flags");
  static final String HARDENED_KUBELET_JSON = text("hardened/kubelet-config.json");
  static final String ENCRYPTION_CONFIG = text("hardened/encryption.yaml");
  static final String ADMISSION_CONFIG = text("hardened/admission.yaml");
  static final String AUDIT_POLICY = text("hardened/audit-policy.yaml");
  static final String PROXY_CONFIG = text("hardened/kube-proxy-config.yaml");

  static final String K3S_CONFIG = text("k3s/config.yaml");
  static final String K3S_ETCD_CONFIG = text("k3s/etcd-config.yaml");

  static final String BROKEN_APISERVER = text("broken/kube-apiserver.flags");
  static final String BROKEN_CONTROLLER_MANAGER = text("broken/kube-controller-manager.flags");
  static final String BROKEN_SCHEDULER = text("broken/kube-scheduler.flags");
  static final String BROKEN_ETCD = text("broken/etcd.flags");
  static final String BROKEN_KUBELET = text("broken/kubelet.flags");
  static final String BROKEN_KUBELET_CONFIG = text("broken/kubelet-config.yaml");
  static final String BROKEN_PROXY = text("broken/kube-proxy.flags");
  static final String BROKEN_PROXY_CONFIG = text("broken/kube-proxy-config.yaml");
  static final String BROKEN_ENCRYPTION_CONFIG = text("broken/encryption.yaml");

  private FixtureData() {}

  /** A kubeconfig as kubeadm writes it (with an embedded client key, which must never be read). */
  static String kubeconfig(String name) {
    return "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://192.168.49.2:6443\n"
        + "  name: kubernetes\nusers:\n- name: "
        + name
        + "\n  user:\n    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCg==\n";
  }

  static String text(String resource) {
    try (InputStream in = FixtureData.class.getResourceAsStream("/node/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /node/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
