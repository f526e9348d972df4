package io.kubeattest.engine.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RbacGraphTest {
  private static final String RBAC =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: monitoring}
      aggregationRule:
        clusterRoleSelectors:
          - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}
      rules: []
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: secret-peek
        labels: {rbac.example.com/aggregate-to-monitoring: "true"}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: prometheus}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
      subjects:
        - {kind: ServiceAccount, name: prometheus, namespace: monitoring}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: exec, namespace: shop}
      rules:
        - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: oncall-exec, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: exec}
      subjects:
        - {kind: Group, name: oncall, apiGroup: rbac.authorization.k8s.io}
        - {kind: ServiceAccount, name: debugger}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: dangling, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: not-there}
      subjects:
        - {kind: User, name: mallory}
      """;

  private final RbacGraph graph = RbacGraph.of(Manifests.objects("rbac.yaml", RBAC));

  @Test
  @DisplayName("an aggregated ClusterRole grants the rules of the roles its selectors pick")
  void aggregation() {
    List<Grant> grants = graph.whoCan("list", "secrets", null);
    assertThat(grants).hasSize(1);
    Grant grant = grants.get(0);
    assertThat(grant.subject().display()).isEqualTo("ServiceAccount monitoring/prometheus");
    assertThat(grant.path())
        .isEqualTo(
            "ClusterRoleBinding prometheus -> ClusterRole monitoring"
                + " (aggregated from ClusterRole secret-peek)");
    assertThat(grant.scope()).isEqualTo("in every namespace");
    assertThat(grant.capabilities()).contains(Capability.READ_SECRETS);
  }

  @Test
  @DisplayName("a RoleBinding grants only in its namespace; a service account defaults to it")
  void roleBindingScope() {
    assertThat(graph.whoCan("create", "pods/exec", "shop"))
        .extracting(g -> g.subject().display())
        .containsExactly("Group oncall", "ServiceAccount shop/debugger");
    assertThat(graph.whoCan("create", "pods/exec", "payments")).isEmpty();
    assertThat(graph.whoCan("delete", "pods/exec", "shop")).isEmpty();
  }

  @Test
  @DisplayName("a binding to a role that does not exist grants nothing")
  void danglingBinding() {
    assertThat(graph.grants()).noneMatch(g -> g.subject().name().equals("mallory"));
  }

  @Test
  @DisplayName("wildcards: * verbs and resources, and resource/* for subresources")
  void wildcards() {
    RbacGraph admin =
        RbacGraph.of(
            Manifests.objects(
                "a.yaml",
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: cluster-admin}
                rules:
                  - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: x}
                roleRef: {kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: User, name: alice}]
                """));
    assertThat(admin.whoCan("impersonate", "users", "any")).hasSize(1);
    assertThat(admin.grants().get(0).capabilities())
        .contains(
            Capability.FULL_CONTROL,
            Capability.ESCALATE,
            Capability.EXEC,
            Capability.READ_SECRETS,
            Capability.NODE_PROXY,
            Capability.WEBHOOKS);
  }
}
