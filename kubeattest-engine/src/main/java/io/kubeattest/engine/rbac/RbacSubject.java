package io.kubeattest.engine.rbac;

import org.jspecify.annotations.Nullable;

/**
 * Who a binding grants to: {@code User}, {@code Group} or {@code ServiceAccount} (with its
 * namespace).
 */
public record RbacSubject(String kind, String name, @Nullable String namespace) {

  /** {@code ServiceAccount ns/name}, {@code Group name}, {@code User name}. */
  public String display() {
    return kind + " " + (namespace == null ? name : namespace + "/" + name);
  }

  /** True for the subjects Kubernetes itself binds: {@code system:} users and groups. */
  public boolean isSystem() {
    return !kind.equals("ServiceAccount") && name.startsWith("system:");
  }
}
