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
 * labels and spec (looked up once: rules match every Service against every workload's labels).
 *
 * @param podLabels the pod template's labels (the object's own labels for a Pod), or an empty map
 * @param podSpec the pod spec, or an empty map
 */
record IndexedObject(
    KubernetesObject object, @Nullable FieldPath template, Map<?, ?> podLabels, Map<?, ?> podSpec) {

  IndexedObject(KubernetesObject object, @Nullable FieldPath template) {
    this(
        object,
        template,
        mapAt(object, template, "metadata", "labels"),
        mapAt(object, template, "spec", null));
  }

  private static Map<?, ?> mapAt(
      KubernetesObject object, @Nullable FieldPath template, String key, @Nullable String next) {
    if (template == null) {
      return Map.of();
    }
    FieldPath path = next == null ? template.key(key) : template.key(key).key(next);
    return path.lookup(object.content()) instanceof Map<?, ?> map ? map : Map.of();
  }

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
