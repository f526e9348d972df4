package io.kubeattest.engine.relations;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.tree.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One object of the scan as cross-object rules see it; for workloads also the pod template's path,
 * labels and spec.
 */
record IndexedObject(KubernetesObject object, @Nullable FieldPath template) {

  ObjectRef ref() {
    return object.ref();
  }

  String kind() {
    return object.ref().kind();
  }

  String name() {
    return object.ref().name();
  }

  /** The namespace, or the empty string when the manifest leaves it unset. */
  String namespace() {
    return Objects.requireNonNullElse(object.ref().namespace(), "");
  }

  private static final java.util.Map<String, FieldPath> PATHS =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Nullable Object at(String path) {
    return PATHS.computeIfAbsent(path, FieldPath::parse).lookup(object.content());
  }

  boolean isWorkload() {
    return template != null;
  }

  /** The pod template's labels (the object's own labels for a Pod). */
  Map<?, ?> podLabels() {
    if (template == null) {
      return Map.of();
    }
    Object labels = template.key("metadata").key("labels").lookup(object.content());
    return labels instanceof Map<?, ?> map ? map : Map.of();
  }

  /** The pod spec, or an empty map. */
  Map<?, ?> podSpec() {
    if (template == null) {
      return Map.of();
    }
    Object spec = template.key("spec").lookup(object.content());
    return spec instanceof Map<?, ?> map ? map : Map.of();
  }

  /** The pod spec's path. */
  FieldPath podSpecPath() {
    return Objects.requireNonNull(template).key("spec");
  }

  /** Every container of the pod spec: init, regular, ephemeral. */
  List<Map<?, ?>> containers() {
    Map<?, ?> spec = podSpec();
    List<Map<?, ?>> all = new java.util.ArrayList<>();
    for (String list : new String[] {"initContainers", "containers", "ephemeralContainers"}) {
      if (spec.get(list) instanceof List<?> items) {
        items.stream().filter(Map.class::isInstance).map(c -> (Map<?, ?>) c).forEach(all::add);
      }
    }
    return all;
  }

  /** spec.replicas, or the API default of 1. */
  long replicas() {
    return at("spec.replicas") instanceof Number n ? n.longValue() : 1;
  }
}
