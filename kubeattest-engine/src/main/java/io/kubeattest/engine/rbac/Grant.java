package io.kubeattest.engine.rbac;

import io.kubeattest.engine.model.ObjectRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule of one role, reaching one subject through one binding.
 *
 * @param namespace where the grant applies; null for every namespace (a ClusterRoleBinding)
 * @param aggregatedFrom the ClusterRole the rule was aggregated from, null when the role has it
 */
public record Grant(
    RbacSubject subject,
    List<String> verbs,
    List<String> apiGroups,
    List<String> resources,
    List<String> resourceNames,
    @Nullable String namespace,
    ObjectRef binding,
    ObjectRef role,
    @Nullable String aggregatedFrom) {
  public Grant {
    verbs = List.copyOf(verbs);
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    resourceNames = List.copyOf(resourceNames);
  }

  /**
   * True when this grant allows {@code verb} on {@code resource} (a plural, maybe /subresource).
   */
  public boolean allows(String verb, String resource) {
    return (verbs.contains("*") || verbs.contains(verb)) && coversResource(resource);
  }

  /** True when the resources include {@code resource}, by name or by wildcard. */
  public boolean coversResource(String resource) {
    for (String granted : resources) {
      if (granted.equals("*") || granted.equals(resource)) {
        return true;
      }
      int slash = resource.indexOf('/');
      if (slash > 0 && granted.equals(resource.substring(0, slash) + "/*")) {
        return true;
      }
      if (granted.startsWith("*/")
          && slash > 0
          && granted.substring(1).equals(resource.substring(slash))) {
        return true;
      }
    }
    return false;
  }

  /** True when the grant applies in {@code namespace}; null asks for every namespace. */
  public boolean appliesIn(@Nullable String wanted) {
    return namespace == null || (wanted != null && namespace.equals(wanted));
  }

  /** The dangerous capabilities this grant carries. */
  public java.util.Set<Capability> capabilities() {
    return Capability.of(verbs, apiGroups, resources);
  }

  /** {@code ClusterRoleBinding x -> ClusterRole y}, with the aggregated role when there is one. */
  public String path() {
    return binding.display()
        + " -> "
        + role.display()
        + (aggregatedFrom == null ? "" : " (aggregated from ClusterRole " + aggregatedFrom + ")");
  }

  /** {@code in every namespace} or {@code in namespace ns}. */
  public String scope() {
    return namespace == null ? "in every namespace" : "in namespace " + namespace;
  }
}
