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
  private final List<IndexedObject> workloads = new ArrayList<>();
  private final java.util.Map<String, List<IndexedObject>> byNamespaceWorkloads =
      new java.util.HashMap<>();
  private final java.util.Map<String, List<IndexedObject>> byKind = new java.util.HashMap<>();
  private final java.util.Map<String, List<IndexedObject>> byKindAndNamespace =
      new java.util.HashMap<>();

  /**
   * Adds {@code object} when a cross-object rule may need it.
   *
   * @param template the pod template path when the object is a workload, else null
   */
  public void add(KubernetesObject object, @Nullable FieldPath template) {
    if (template != null || RELATED.contains(object.ref().kind())) {
      IndexedObject indexed = new IndexedObject(object, template);
      objects.add(indexed);
      byNamespaceWorkloads.clear();
      if (template != null) {
        workloads.add(indexed);
      }
      byKind.computeIfAbsent(indexed.kind(), k -> new ArrayList<>()).add(indexed);
      byKindAndNamespace
          .computeIfAbsent(indexed.kind() + "\u0000" + indexed.namespace(), k -> new ArrayList<>())
          .add(indexed);
    }
  }

  List<IndexedObject> all() {
    return objects;
  }

  List<IndexedObject> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  List<IndexedObject> workloads() {
    return workloads;
  }

  List<IndexedObject> inNamespace(String kind, String namespace) {
    return byKindAndNamespace.getOrDefault(kind + "\u0000" + namespace, List.of());
  }

  boolean exists(String kind, String namespace, String name) {
    return inNamespace(kind, namespace).stream().anyMatch(o -> o.name().equals(name));
  }

  /** Namespaces that hold at least one workload, in first-seen order. */
  Set<String> workloadNamespaces() {
    Set<String> namespaces = new LinkedHashSet<>();
    workloads().forEach(w -> namespaces.add(w.namespace()));
    return namespaces;
  }

  /** Workloads whose pod template {@code policy}'s selector picks, in the same namespace. */
  List<IndexedObject> selectedBy(@Nullable Object labelSelector, String namespace) {
    return workloadsIn(namespace).stream()
        .filter(w -> LabelSelector.matches(labelSelector, w.podLabels()))
        .toList();
  }

  /** Workloads of {@code namespace}. */
  List<IndexedObject> workloadsIn(String namespace) {
    return byNamespaceWorkloads.computeIfAbsent(
        namespace, ns -> workloads.stream().filter(w -> w.namespace().equals(ns)).toList());
  }

  public boolean isEmpty() {
    return objects.isEmpty();
  }
}
