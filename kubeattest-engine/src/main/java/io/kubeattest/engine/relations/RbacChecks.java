package io.kubeattest.engine.relations;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.rbac.Capability;
import io.kubeattest.engine.rbac.Grant;
import io.kubeattest.engine.rbac.RbacGraph;
import io.kubeattest.engine.rbac.RbacSubject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Cross-object checks on RBAC: roles that grant dangerous capabilities, bindings of cluster-admin
 * and of default service accounts, and workloads whose service account holds such rights. Roles
 * Kubernetes ships (names starting {@code system:}, the label {@code kubernetes.io/bootstrapping:
 * rbac-defaults}, and cluster-admin, admin, edit, view) are not judged as roles; who is bound to
 * them is.
 */
final class RbacChecks {
  private static final Set<String> DEFAULT_ROLES = Set.of("cluster-admin", "admin", "edit", "view");

  private RbacChecks() {}

  static RbacGraph graph(ObjectIndex index) {
    List<KubernetesObject> objects = new ArrayList<>();
    for (String kind : List.of("ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding")) {
      index.ofKind(kind).forEach(o -> objects.add(o.object()));
    }
    return RbacGraph.of(objects);
  }

  /** A check that fails roles granting any of {@code capabilities}. */
  static BiFunction<ObjectIndex, Map<String, Object>, List<Verdict>> roles(
      Capability... capabilities) {
    Set<Capability> wanted = EnumSet.noneOf(Capability.class);
    wanted.addAll(List.of(capabilities));
    return (index, params) -> {
      RbacGraph graph = graph(index);
      List<Verdict> verdicts = new ArrayList<>();
      for (String kind : List.of("ClusterRole", "Role")) {
        for (IndexedObject role : index.ofKind(kind)) {
          if (isDefault(role)) {
            continue;
          }
          verdicts.add(judgeRole(graph, role, wanted));
        }
      }
      return verdicts;
    };
  }

  private static Verdict judgeRole(RbacGraph graph, IndexedObject role, Set<Capability> wanted) {
    if (role.at("rules") instanceof List<?> rules) {
      for (int i = 0; i < rules.size(); i++) {
        if (!(rules.get(i) instanceof Map<?, ?> rule)) {
          continue;
        }
        Set<Capability> found =
            Capability.of(
                strings(rule.get("verbs")),
                strings(rule.get("apiGroups")),
                strings(rule.get("resources")));
        found.retainAll(wanted);
        if (!found.isEmpty()) {
          return Verdict.fail(
              role,
              "rules["
                  + i
                  + "] allows "
                  + found.stream().map(Capability::label).collect(Collectors.joining(", "))
                  + " (verbs "
                  + strings(rule.get("verbs"))
                  + " on "
                  + strings(rule.get("resources"))
                  + "); "
                  + boundTo(graph, role),
              "rules[" + i + "]");
        }
      }
    }
    return Verdict.pass(role, null);
  }

  private static String boundTo(RbacGraph graph, IndexedObject role) {
    Set<String> subjects = new LinkedHashSet<>();
    graph
        .grantsThrough(role.ref())
        .forEach(g -> subjects.add(g.subject().display() + " " + g.scope()));
    return subjects.isEmpty() ? "bound to no subject" : "bound to " + String.join(", ", subjects);
  }

  /** rbac-cluster-admin-binding: cluster-admin bound only to system subjects. */
  static List<Verdict> clusterAdminBinding(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject binding : bindings(index)) {
      if (!"cluster-admin".equals(binding.at("roleRef.name"))
          || !"ClusterRole".equals(binding.at("roleRef.kind"))) {
        continue;
      }
      List<String> outsiders =
          subjects(binding).stream().filter(s -> !s.isSystem()).map(RbacSubject::display).toList();
      verdicts.add(
          outsiders.isEmpty()
              ? Verdict.pass(binding, "subjects")
              : Verdict.fail(
                  binding,
                  "cluster-admin is bound to " + String.join(", ", outsiders),
                  "subjects"));
    }
    return verdicts;
  }

  /** rbac-default-service-account-binding: no binding names a default service account. */
  static List<Verdict> defaultServiceAccountBinding(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject binding : bindings(index)) {
      List<String> defaults =
          subjects(binding).stream()
              .filter(s -> s.kind().equals("ServiceAccount") && s.name().equals("default"))
              .map(RbacSubject::display)
              .toList();
      verdicts.add(
          defaults.isEmpty()
              ? Verdict.pass(binding, "subjects")
              : Verdict.fail(
                  binding,
                  "binds "
                      + String.join(", ", defaults)
                      + " to "
                      + binding.at("roleRef.kind")
                      + " "
                      + binding.at("roleRef.name"),
                  "subjects"));
    }
    return verdicts;
  }

  /** workload-rbac-risk: the service account a workload mounts holds no dangerous capability. */
  static List<Verdict> workloadRbacRisk(ObjectIndex index, Map<String, Object> params) {
    RbacGraph graph = graph(index);
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject workload : index.workloads()) {
      List<Grant> risky = riskyGrants(graph, workload);
      String account = serviceAccount(workload);
      if (risky.isEmpty()
          || Boolean.FALSE.equals(workload.podSpec().get("automountServiceAccountToken"))) {
        verdicts.add(Verdict.pass(workload, null));
        continue;
      }
      Set<String> what = new LinkedHashSet<>();
      Set<String> paths = new LinkedHashSet<>();
      for (Grant grant : risky) {
        grant.capabilities().stream()
            .filter(c -> c != Capability.WILDCARD)
            .forEach(c -> what.add(c.label()));
        paths.add(grant.path() + " " + grant.scope());
      }
      verdicts.add(
          Verdict.fail(
              workload,
              "service account "
                  + workload.namespace()
                  + "/"
                  + account
                  + " can "
                  + String.join(", ", what)
                  + " via "
                  + String.join("; ", paths),
              workload.podSpecPath().toString()));
    }
    return verdicts;
  }

  /** The grants that reach {@code workload}'s service account and carry a dangerous capability. */
  static List<Grant> riskyGrants(RbacGraph graph, IndexedObject workload) {
    String namespace = workload.namespace();
    List<RbacSubject> identities =
        List.of(
            new RbacSubject("ServiceAccount", serviceAccount(workload), namespace),
            new RbacSubject("Group", "system:serviceaccounts", null),
            new RbacSubject("Group", "system:serviceaccounts:" + namespace, null));
    List<Grant> risky = new ArrayList<>();
    for (RbacSubject identity : identities) {
      for (Grant grant : graph.grantsOf(identity)) {
        if (grant.appliesIn(namespace)
            && grant.capabilities().stream().anyMatch(c -> c != Capability.WILDCARD)) {
          risky.add(grant);
        }
      }
    }
    return risky;
  }

  static String serviceAccount(IndexedObject workload) {
    Map<?, ?> spec = workload.podSpec();
    if (spec.get("serviceAccountName") instanceof String name && !name.isEmpty()) {
      return name;
    }
    if (spec.get("serviceAccount") instanceof String name && !name.isEmpty()) {
      return name;
    }
    return "default";
  }

  private static boolean isDefault(IndexedObject role) {
    Object bootstrap = role.at("metadata.labels[\"kubernetes.io/bootstrapping\"]");
    return role.name().startsWith("system:")
        || "rbac-defaults".equals(bootstrap)
        || (role.kind().equals("ClusterRole") && DEFAULT_ROLES.contains(role.name()));
  }

  private static List<IndexedObject> bindings(ObjectIndex index) {
    List<IndexedObject> bindings = new ArrayList<>(index.ofKind("ClusterRoleBinding"));
    bindings.addAll(index.ofKind("RoleBinding"));
    return bindings;
  }

  private static List<RbacSubject> subjects(IndexedObject binding) {
    List<RbacSubject> subjects = new ArrayList<>();
    if (binding.at("subjects") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> s
            && s.get("kind") instanceof String kind
            && s.get("name") instanceof String name) {
          String namespace =
              kind.equals("ServiceAccount")
                  ? (s.get("namespace") instanceof String ns ? ns : binding.namespace())
                  : null;
          subjects.add(new RbacSubject(kind, name, namespace));
        }
      }
    }
    return subjects;
  }

  private static List<String> strings(@org.jspecify.annotations.Nullable Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
