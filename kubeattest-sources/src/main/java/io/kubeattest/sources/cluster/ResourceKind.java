package io.kubeattest.sources.cluster;

import java.util.List;

/**
 * One kind of resource kubeattest lists: its API version, kind, plural (the word in the URL and in
 * RBAC rules) and whether it lives in namespaces.
 */
public record ResourceKind(String apiVersion, String kind, String plural, boolean namespaced) {

  /**
   * Every kind a cluster scan lists, in the order they are read: namespaces first (the filter and
   * the PSA labels), owners before the objects they own (so owned pods can be recognised), RBAC and
   * the rest after.
   */
  public static final List<ResourceKind> ALL =
      List.of(
          new ResourceKind("v1", "Namespace", "namespaces", false),
          new ResourceKind("v1", "Node", "nodes", false),
          new ResourceKind("apps/v1", "Deployment", "deployments", true),
          new ResourceKind("apps/v1", "StatefulSet", "statefulsets", true),
          new ResourceKind("apps/v1", "DaemonSet", "daemonsets", true),
          new ResourceKind("apps/v1", "ReplicaSet", "replicasets", true),
          new ResourceKind("batch/v1", "CronJob", "cronjobs", true),
          new ResourceKind("batch/v1", "Job", "jobs", true),
          new ResourceKind("v1", "ReplicationController", "replicationcontrollers", true),
          new ResourceKind("v1", "Pod", "pods", true),
          new ResourceKind("v1", "Service", "services", true),
          new ResourceKind("networking.k8s.io/v1", "Ingress", "ingresses", true),
          new ResourceKind("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true),
          new ResourceKind("v1", "ServiceAccount", "serviceaccounts", true),
          new ResourceKind("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
          new ResourceKind("rbac.authorization.k8s.io/v1", "Role", "roles", true),
          new ResourceKind(
              "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false),
          new ResourceKind("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true),
          new ResourceKind("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
          new ResourceKind(
              "autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
          new ResourceKind("v1", "Secret", "secrets", true),
          new ResourceKind("v1", "ConfigMap", "configmaps", true),
          new ResourceKind(
              "admissionregistration.k8s.io/v1",
              "ValidatingWebhookConfiguration",
              "validatingwebhookconfigurations",
              false),
          new ResourceKind(
              "admissionregistration.k8s.io/v1",
              "MutatingWebhookConfiguration",
              "mutatingwebhookconfigurations",
              false));

  /** The path that lists this kind across all namespaces. */
  public String listPath() {
    return (apiVersion.contains("/") ? "/apis/" : "/api/") + apiVersion + "/" + plural;
  }
}
