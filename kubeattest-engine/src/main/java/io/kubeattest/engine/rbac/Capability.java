package io.kubeattest.engine.rbac;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A dangerous thing one RBAC rule may allow. Each has the rule id that reports it on roles; {@link
 * #of} says which a rule (verbs, API groups, resources) allows.
 */
public enum Capability {
  /** Every verb on every resource of every API group: what cluster-admin has. */
  FULL_CONTROL("rbac-wildcard", "everything (* on *)"),
  /** A wildcard in verbs, resources or API groups. */
  WILDCARD("rbac-wildcard", "wildcards"),
  /** bind, escalate or impersonate: ways to gain rights one does not have. */
  ESCALATE("rbac-bind-escalate-impersonate", "bind/escalate/impersonate"),
  /** create or get on pods/exec or pods/attach: a shell in any pod it reaches. */
  EXEC("rbac-pod-exec-attach", "exec/attach into pods"),
  /** create on pods or on the controllers that make them. */
  CREATE_PODS("rbac-create-pods", "create pods"),
  /** get, list or watch on secrets. */
  READ_SECRETS("rbac-secrets-access", "read secrets"),
  /** create, update or patch admission webhook configurations. */
  WEBHOOKS("rbac-webhook-config", "manage admission webhooks"),
  /** any verb on nodes/proxy: the kubelet API of every node. */
  NODE_PROXY("rbac-node-proxy", "nodes/proxy");

  private static final List<String> POD_MAKERS =
      List.of(
          "pods",
          "deployments",
          "daemonsets",
          "statefulsets",
          "replicasets",
          "jobs",
          "cronjobs",
          "replicationcontrollers");

  private final String ruleId;
  private final String label;

  Capability(String ruleId, String label) {
    this.ruleId = ruleId;
    this.label = label;
  }

  /** The id of the rule that reports this capability on roles. */
  public String ruleId() {
    return ruleId;
  }

  /** A few words for messages. */
  public String label() {
    return label;
  }

  /** What one rule of a role allows. */
  public static Set<Capability> of(
      List<String> verbs, List<String> apiGroups, List<String> resources) {
    Set<Capability> found = EnumSet.noneOf(Capability.class);
    Grant rule =
        new Grant(
            new RbacSubject("User", "", null),
            verbs,
            apiGroups,
            resources,
            List.of(),
            null,
            new io.kubeattest.engine.model.ObjectRef("", "", null, ""),
            new io.kubeattest.engine.model.ObjectRef("", "", null, ""),
            null);
    if (verbs.contains("*") && resources.contains("*") && apiGroups.contains("*")) {
      found.add(FULL_CONTROL);
    }
    if (verbs.contains("*") || resources.contains("*") || apiGroups.contains("*")) {
      found.add(WILDCARD);
    }
    if (verbs.contains("*")
        || verbs.contains("bind")
        || verbs.contains("escalate")
        || verbs.contains("impersonate")) {
      if (verbs.contains("*")
          ? resources.stream()
              .anyMatch(
                  r ->
                      r.equals("*")
                          || List.of("roles", "clusterroles", "users", "groups", "serviceaccounts")
                              .contains(r))
          : true) {
        found.add(ESCALATE);
      }
    }
    if (anyVerb(rule, List.of("create", "get"), List.of("pods/exec", "pods/attach"))) {
      found.add(EXEC);
    }
    if (anyVerb(rule, List.of("create"), POD_MAKERS)) {
      found.add(CREATE_PODS);
    }
    if (anyVerb(rule, List.of("get", "list", "watch"), List.of("secrets"))) {
      found.add(READ_SECRETS);
    }
    if (anyVerb(
        rule,
        List.of("create", "update", "patch"),
        List.of("validatingwebhookconfigurations", "mutatingwebhookconfigurations"))) {
      found.add(WEBHOOKS);
    }
    if (anyVerb(
        rule, List.of("get", "create", "update", "patch", "delete"), List.of("nodes/proxy"))) {
      found.add(NODE_PROXY);
    }
    return found;
  }

  private static boolean anyVerb(Grant rule, List<String> verbs, List<String> resources) {
    return verbs.stream().anyMatch(v -> resources.stream().anyMatch(r -> rule.allows(v, r)));
  }
}
