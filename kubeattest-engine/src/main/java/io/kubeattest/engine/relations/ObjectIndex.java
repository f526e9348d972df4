package io.kubeattest.engine.relations;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.tree.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one scan that cross-object rules look at, in scan order. Holds references only to
 * workloads and the kinds the rules relate them to (Services, Ingresses, NetworkPolicies,
 * PodDisruptionBudgets, autoscalers, ServiceAccounts, Secrets, ConfigMaps, Namespaces). Not
 * thread-safe.
 */
public final class ObjectIndex {
  private static final Set<String> RELATED =
      Set.of(
          "Service",
          "Ingress",
          "NetworkPolicy",
          "PodDisruptionBudget",
          "HorizontalPodAutoscaler",
          "ServiceAccount",
          "Secret",
          "ConfigMap",
          "Namespace",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding");

  private final List<IndexedObject> objects = new ArrayList<>();

  /**
   * Adds {@code object} when a cross-object rule may need it.
   *
   * @param template the pod template path when the object is a workload, else null
   */
  public void add(KubernetesObject object, @Nullable FieldPath template) {
    if (template != null || RELATED.contains(object.ref().kind())) {
      objects.add(new IndexedObject(object, template));
    }
  }

  List<IndexedObject> all() {
    return objects;
  }

  List<IndexedObject> ofKind(String kind) {
    return objects.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  List<IndexedObject> workloads() {
    return objects.stream().filter(IndexedObject::isWorkload).toList();
  }

  List<IndexedObject> inNamespace(String kind, String namespace) {
    return objects.stream()
        .filter(o -> o.kind().equals(kind) && o.namespace().equals(namespace))
        .toList();
  }

  boolean exists(String kind, String namespace, String name) {
    return objects.stream()
        .anyMatch(
            o -> o.kind().equals(kind) && o.namespace().equals(namespace) && o.name().equals(name));
  }

  /** Namespaces that hold at least one workload, in first-seen order. */
  Set<String> workloadNamespaces() {
    Set<String> namespaces = new LinkedHashSet<>();
    workloads().forEach(w -> namespaces.add(w.namespace()));
    return namespaces;
  }

  /** Workloads whose pod template {@code policy}'s selector picks, in the same namespace. */
  List<IndexedObject> selectedBy(@Nullable Object labelSelector, String namespace) {
    return workloads().stream()
        .filter(w -> w.namespace().equals(namespace))
        .filter(w -> LabelSelector.matches(labelSelector, w.podLabels()))
        .toList();
  }

  public boolean isEmpty() {
    return objects.isEmpty();
  }
}
