package io.kubeattest.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * Names a Kubernetes object: API version, kind, namespace (null for cluster-scoped objects and
 * manifests that leave it unset) and name.
 */
public record ObjectRef(String apiVersion, String kind, @Nullable String namespace, String name) {

  /** {@code Kind namespace/name}, or {@code Kind name} without a namespace. */
  public String display() {
    return kind + " " + (namespace == null ? name : namespace + "/" + name);
  }
}
