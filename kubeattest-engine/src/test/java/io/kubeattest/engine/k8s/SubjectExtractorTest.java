package io.kubeattest.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectExtractorTest {
  private final SubjectExtractor extractor = new SubjectExtractor(PodSpecLocator.standard());

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Pod, v1, 'spec: {containers: [{name: c}]}', spec.containers[0]",
    "PodTemplate, v1, 'template: {spec: {containers: [{name: c}]}}', template.spec.containers[0]",
    "Deployment, apps/v1, 'spec: {template: {spec: {containers: [{name: c}]}}}', spec.template.spec.containers[0]",
    "StatefulSet, apps/v1, 'spec: {template: {spec: {containers: [{name: c}]}}}', spec.template.spec.containers[0]",
    "DaemonSet, apps/v1, 'spec: {template: {spec: {containers: [{name: c}]}}}', spec.template.spec.containers[0]",
    "ReplicaSet, apps/v1, 'spec: {template: {spec: {containers: [{name: c}]}}}', spec.template.spec.containers[0]",
    "ReplicationController, v1, 'spec: {template: {spec: {containers: [{name: c}]}}}', spec.template.spec.containers[0]",
    "Job, batch/v1, 'spec: {template: {spec: {containers: [{name: c}]}}}', spec.template.spec.containers[0]",
    "CronJob, batch/v1, 'spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: c}]}}}}}', spec.jobTemplate.spec.template.spec.containers[0]"
  })
  @DisplayName("finds the pod spec of every workload kind")
  void findsPodSpec(String kind, String apiVersion, String body, String containerPath) {
    String yaml =
        "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\n" + body + "\n";
    List<Subject> subjects = extractor.subjects(Manifests.objects("w.yaml", yaml).get(0));
    assertThat(subjects)
        .extracting(Subject::kind)
        .containsExactly(SubjectKind.OBJECT, SubjectKind.WORKLOAD, SubjectKind.CONTAINER);
    assertThat(subjects.get(2).roots().get("container"))
        .extracting(Object::toString)
        .containsExactly(containerPath);
  }

  @Test
  @DisplayName("init, regular and ephemeral containers are all subjects, in PSA order")
  void everyContainerType() {
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: ns}
        spec:
          ephemeralContainers: [{name: debug}]
          containers: [{name: app}]
          initContainers: [{name: init}]
        """;
    List<Subject> containers =
        extractor.subjects(Manifests.objects("p.yaml", yaml).get(0)).stream()
            .filter(s -> s.kind() == SubjectKind.CONTAINER)
            .toList();
    assertThat(containers)
        .extracting(s -> s.variables().get("containerType"))
        .containsExactly("initContainer", "container", "ephemeralContainer");
    assertThat(containers)
        .extracting(s -> s.ref().id())
        .containsExactly(
            "Pod/ns/p/initContainer:init",
            "Pod/ns/p/container:app",
            "Pod/ns/p/ephemeralContainer:debug");
  }

  @Test
  @DisplayName("the effective security context takes pod-level values the container leaves unset")
  void effectiveSecurityContext() {
    Map<String, Object> effective =
        SubjectExtractor.effectiveSecurityContext(
            Map.of("runAsNonRoot", true, "runAsUser", 1000L, "fsGroup", 2000L),
            Map.of("securityContext", Map.of("runAsUser", 0L, "privileged", false)));
    assertThat(effective)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("runAsUser", 0L)
        .containsEntry("privileged", false)
        .doesNotContainKey("fsGroup");
  }

  @Test
  @DisplayName("a non-workload object is one object subject")
  void plainObject() {
    String yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n}\nspec: {}\n";
    assertThat(extractor.subjects(Manifests.objects("s.yaml", yaml).get(0)))
        .singleElement()
        .satisfies(s -> assertThat(s.ref().id()).isEqualTo("Service/n/s"));
  }
}
