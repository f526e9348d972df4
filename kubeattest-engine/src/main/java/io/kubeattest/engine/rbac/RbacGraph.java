package io.kubeattest.engine.rbac;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.relations.LabelSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The RBAC graph of a set of objects: Roles, ClusterRoles (with their aggregated rules),
 * RoleBindings and ClusterRoleBindings, and every {@link Grant} they make. Other kinds are ignored.
 * A binding to a role that is not in the set grants nothing (the role cannot be read). Immutable
 * once built.
 */
public final class RbacGraph {
  private record RoleRules(ObjectRef ref, List<Map<?, ?>> rules, Map<?, ?> labels) {}

  private final List<Grant> grants;
  private final List<KubernetesObject> roles;

  private RbacGraph(List<Grant> grants, List<KubernetesObject> roles) {
    this.grants = List.copyOf(grants);
    this.roles = List.copyOf(roles);
  }

  /** Builds the graph of {@code objects}. */
  public static RbacGraph of(List<KubernetesObject> objects) {
    Map<String, RoleRules> clusterRoles = new LinkedHashMap<>();
    Map<String, RoleRules> namespacedRoles = new LinkedHashMap<>();
    List<KubernetesObject> roles = new ArrayList<>();
    for (KubernetesObject object : objects) {
      String kind = object.ref().kind();
      if (kind.equals("ClusterRole") || kind.equals("Role")) {
        roles.add(object);
        RoleRules role = new RoleRules(object.ref(), rules(object.content()), labels(object));
        if (kind.equals("ClusterRole")) {
          clusterRoles.put(object.ref().name(), role);
        } else {
          namespacedRoles.put(object.ref().namespace() + "/" + object.ref().name(), role);
        }
      }
    }
    Map<String, List<Aggregated>> aggregated = aggregate(objects, clusterRoles);
    List<Grant> grants = new ArrayList<>();
    for (KubernetesObject binding : objects) {
      String kind = binding.ref().kind();
      if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
        continue;
      }
      if (!(binding.content().get("roleRef") instanceof Map<?, ?> roleRef)) {
        continue;
      }
      String roleKind = String.valueOf(roleRef.get("kind"));
      String roleName = String.valueOf(roleRef.get("name"));
      String namespace = kind.equals("RoleBinding") ? binding.ref().namespace() : null;
      List<Aggregated> rules;
      if (roleKind.equals("ClusterRole")) {
        rules = aggregated.getOrDefault(roleName, List.of());
      } else {
        RoleRules role = namespacedRoles.get(binding.ref().namespace() + "/" + roleName);
        rules =
            role == null
                ? List.of()
                : role.rules().stream().map(r -> new Aggregated(r, null, role.ref())).toList();
      }
      for (RbacSubject subject : subjects(binding)) {
        for (Aggregated rule : rules) {
          grants.add(
              new Grant(
                  subject,
                  strings(rule.rule().get("verbs")),
                  strings(rule.rule().get("apiGroups")),
                  strings(rule.rule().get("resources")),
                  strings(rule.rule().get("resourceNames")),
                  namespace,
                  binding.ref(),
                  rule.role(),
                  rule.from()));
        }
      }
    }
    return new RbacGraph(grants, roles);
  }

  private record Aggregated(Map<?, ?> rule, @Nullable String from, ObjectRef role) {}

  /** Every ClusterRole's rules: its own, plus those of the ClusterRoles its selectors pick. */
  private static Map<String, List<Aggregated>> aggregate(
      List<KubernetesObject> objects, Map<String, RoleRules> clusterRoles) {
    Map<String, List<Aggregated>> result = new LinkedHashMap<>();
    for (KubernetesObject object : objects) {
      if (!object.ref().kind().equals("ClusterRole")) {
        continue;
      }
      RoleRules self = Objects.requireNonNull(clusterRoles.get(object.ref().name()));
      List<Aggregated> rules = new ArrayList<>();
      self.rules().forEach(r -> rules.add(new Aggregated(r, null, self.ref())));
      if (object.content().get("aggregationRule") instanceof Map<?, ?> aggregation
          && aggregation.get("clusterRoleSelectors") instanceof List<?> selectors) {
        for (RoleRules other : clusterRoles.values()) {
          if (other.ref().equals(self.ref())) {
            continue;
          }
          boolean picked =
              selectors.stream().anyMatch(s -> LabelSelector.matches(s, other.labels()));
          if (picked) {
            other
                .rules()
                .forEach(r -> rules.add(new Aggregated(r, other.ref().name(), self.ref())));
          }
        }
      }
      result.put(object.ref().name(), rules);
    }
    return result;
  }

  /** Every grant, binding by binding. */
  public List<Grant> grants() {
    return grants;
  }

  /** The Roles and ClusterRoles of the graph. */
  public List<KubernetesObject> roles() {
    return roles;
  }

  /** The grants of one subject. */
  public List<Grant> grantsOf(RbacSubject subject) {
    return grants.stream().filter(g -> g.subject().equals(subject)).toList();
  }

  /** The grants that reach a role (by its reference). */
  public List<Grant> grantsThrough(ObjectRef role) {
    return grants.stream().filter(g -> g.role().equals(role)).toList();
  }

  /**
   * Who may {@code verb} {@code resource}: in {@code namespace}, or anywhere when it is null;
   * sorted by subject.
   */
  public List<Grant> whoCan(String verb, String resource, @Nullable String namespace) {
    return grants.stream()
        .filter(g -> g.allows(verb, resource))
        .filter(g -> namespace == null || g.appliesIn(namespace))
        .sorted(Comparator.comparing((Grant g) -> g.subject().display()).thenComparing(Grant::path))
        .toList();
  }

  private static List<RbacSubject> subjects(KubernetesObject binding) {
    List<RbacSubject> subjects = new ArrayList<>();
    if (binding.content().get("subjects") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> s
            && s.get("kind") instanceof String kind
            && s.get("name") instanceof String name) {
          String namespace = null;
          if (kind.equals("ServiceAccount")) {
            namespace =
                s.get("namespace") instanceof String ns && !ns.isEmpty()
                    ? ns
                    : Objects.requireNonNullElse(binding.ref().namespace(), "default");
          }
          subjects.add(new RbacSubject(kind, name, namespace));
        }
      }
    }
    return subjects;
  }

  private static List<Map<?, ?>> rules(Map<String, @Nullable Object> role) {
    List<Map<?, ?>> rules = new ArrayList<>();
    if (role.get("rules") instanceof List<?> list) {
      list.stream().filter(Map.class::isInstance).map(r -> (Map<?, ?>) r).forEach(rules::add);
    }
    return rules;
  }

  private static Map<?, ?> labels(KubernetesObject object) {
    return object.content().get("metadata") instanceof Map<?, ?> metadata
            && metadata.get("labels") instanceof Map<?, ?> labels
        ? labels
        : Map.of();
  }

  static List<String> strings(@Nullable Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
