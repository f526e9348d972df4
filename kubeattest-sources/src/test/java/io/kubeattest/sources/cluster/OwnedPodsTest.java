package io.kubeattest.sources.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OwnedPodsTest {
  private static Map<String, Object> owner(String kind, String name, String image) {
    return Map.of(
        "kind", kind,
        "metadata", Map.of("name", name, "namespace", "shop"),
        "spec",
            Map.of(
                "template",
                Map.of(
                    "spec", Map.of("containers", List.of(Map.of("name", "app", "image", image))))));
  }

  private static Map<String, Object> pod(
      String ownerKind, String ownerName, Map<String, Object> spec) {
    return Map.of(
        "metadata",
        Map.of(
            "name",
            ownerName + "-x",
            "namespace",
            "shop",
            "ownerReferences",
            List.of(Map.of("kind", ownerKind, "name", ownerName, "controller", true))),
        "spec",
        spec);
  }

  private static Map<String, Object> spec(String image) {
    return Map.of("containers", List.of(Map.of("name", "app", "image", image)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @org.jspecify.annotations.Nullable Object> tree(Map<String, ?> map) {
    return (Map<String, @org.jspecify.annotations.Nullable Object>) map;
  }

  @Test
  @DisplayName(
      "a pod that repeats its ReplicaSet's template is left out; one that differs is judged")
  void podsAgainstTheirOwner() {
    OwnedPods owned = new OwnedPods();
    owned.rememberOwner("ReplicaSet", tree(owner("ReplicaSet", "web-1", "web:1.0")));
    assertThat(owned.leftOut("Pod", tree(pod("ReplicaSet", "web-1", spec("web:1.0"))))).isTrue();
    assertThat(owned.leftOut("Pod", tree(pod("ReplicaSet", "web-1", spec("web:2.0"))))).isFalse();
    Map<String, Object> debugged =
        Map.of(
            "containers", List.of(Map.of("name", "app", "image", "web:1.0")),
            "ephemeralContainers", List.of(Map.of("name", "debugger", "image", "busybox")));
    assertThat(owned.leftOut("Pod", tree(pod("ReplicaSet", "web-1", debugged)))).isFalse();
    // an owner the scan did not see (another namespace filter, forbidden kind): judge the pod
    assertThat(owned.leftOut("Pod", tree(pod("ReplicaSet", "other", spec("web:1.0"))))).isFalse();
  }

  @Test
  @DisplayName("ReplicaSets of Deployments and Jobs of CronJobs are left out; bare objects are not")
  void controllersOfControllers() {
    OwnedPods owned = new OwnedPods();
    assertThat(owned.leftOut("ReplicaSet", tree(pod("Deployment", "web", spec("web:1.0")))))
        .isTrue();
    assertThat(owned.leftOut("Job", tree(pod("CronJob", "nightly", spec("job:1"))))).isTrue();
    assertThat(
            owned.leftOut(
                "Pod", tree(Map.of("metadata", Map.of("name", "bare"), "spec", spec("x")))))
        .isFalse();
  }

  private static Map<String, Object> controlled(
      String name, String apiVersion, String ownerKind, String ownerName) {
    return Map.of(
        "metadata",
        Map.of(
            "name",
            name,
            "namespace",
            "shop",
            "ownerReferences",
            List.of(
                Map.of("kind", "Unrelated", "name", "not-the-controller"),
                Map.of(
                    "apiVersion",
                    apiVersion,
                    "kind",
                    ownerKind,
                    "name",
                    ownerName,
                    "controller",
                    true))));
  }

  private static ObjectRef workload(OwnedPods owned, Map<String, Object> pod) {
    ObjectRef ref = new ObjectRef("v1", "Pod", "shop", "p");
    return owned.workloadOf(ref, tree(pod));
  }

  @Test
  @DisplayName(
      "a pod's workload is the top of its controller chain: Deployment over ReplicaSet, CronJob"
          + " over Job; StatefulSet directly; the pod itself without a pod controller")
  void workloadOfAPod() {
    OwnedPods owned = new OwnedPods();
    owned.rememberOwner("ReplicaSet", tree(controlled("web-5d8f", "apps/v1", "Deployment", "web")));
    owned.rememberOwner("Job", tree(controlled("report-2903", "batch/v1", "CronJob", "report")));
    owned.rememberOwner("ReplicaSet", tree(controlled("solo", "apps/v1", "Rollout", "canary")));

    assertThat(workload(owned, controlled("p", "apps/v1", "ReplicaSet", "web-5d8f")))
        .isEqualTo(new ObjectRef("apps/v1", "Deployment", "shop", "web"));
    assertThat(workload(owned, controlled("p", "batch/v1", "Job", "report-2903")))
        .isEqualTo(new ObjectRef("batch/v1", "CronJob", "shop", "report"));
    assertThat(workload(owned, controlled("p", "apps/v1", "StatefulSet", "db")))
        .isEqualTo(new ObjectRef("apps/v1", "StatefulSet", "shop", "db"));
    // a ReplicaSet under a kind kubeattest does not list is judged itself: so is the link
    assertThat(workload(owned, controlled("p", "apps/v1", "ReplicaSet", "solo")))
        .isEqualTo(new ObjectRef("apps/v1", "ReplicaSet", "shop", "solo"));
    // a ReplicaSet the scan did not see: its own name is all there is
    assertThat(workload(owned, controlled("p", "apps/v1", "ReplicaSet", "unseen")))
        .isEqualTo(new ObjectRef("apps/v1", "ReplicaSet", "shop", "unseen"));
    assertThat(workload(owned, controlled("p", "v1", "Node", "node-1")))
        .isEqualTo(new ObjectRef("v1", "Pod", "shop", "p"));
    assertThat(workload(owned, Map.of("metadata", Map.of("name", "p", "namespace", "shop"))))
        .isEqualTo(new ObjectRef("v1", "Pod", "shop", "p"));
  }
}
