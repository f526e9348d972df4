package io.kubeattest.engine.k8s;

import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.tree.Positions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes object as read from a file, a stream or the API: its reference, its content as a
 * JSON-like map, where it starts, and where each of its fields is.
 */
public record KubernetesObject(
    ObjectRef ref,
    Map<String, @Nullable Object> content,
    @Nullable SourceLocation location,
    Positions positions) {

  /**
   * Reads the reference of a JSON-like tree, or returns null when the tree is not a Kubernetes
   * object (not a map, or without a string {@code apiVersion} and {@code kind}).
   */
  public static @Nullable ObjectRef refOf(@Nullable Object tree) {
    if (!(tree instanceof Map<?, ?> map)
        || !(map.get("apiVersion") instanceof String apiVersion)
        || !(map.get("kind") instanceof String kind)
        || apiVersion.isBlank()
        || kind.isBlank()) {
      return null;
    }
    String name = "";
    String namespace = null;
    if (map.get("metadata") instanceof Map<?, ?> metadata) {
      if (metadata.get("name") instanceof String n) {
        name = n;
      } else if (metadata.get("generateName") instanceof String g) {
        name = g + "*";
      }
      if (metadata.get("namespace") instanceof String ns && !ns.isBlank()) {
        namespace = ns;
      }
    }
    return new ObjectRef(apiVersion, kind, namespace, name);
  }
}
