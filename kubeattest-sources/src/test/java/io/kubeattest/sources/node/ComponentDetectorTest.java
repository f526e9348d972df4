package io.kubeattest.sources.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentDetectorTest {

  private static ProcessInfo process(long pid, String... argv) {
    String program = argv[0].substring(argv[0].lastIndexOf('/') + 1);
    return new ProcessInfo(
        pid, program.substring(0, Math.min(15, program.length())), null, List.of(argv));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("every process name kube-bench accepts identifies its component")
  @CsvSource({
    "/usr/local/bin/kube-apiserver, APISERVER, kube-apiserver",
    "/hyperkube apiserver, APISERVER, hyperkube apiserver",
    "hyperkube kube-apiserver, APISERVER, hyperkube kube-apiserver",
    "openshift start master api, APISERVER, openshift start master api",
    "kube-controller-manager, CONTROLLER_MANAGER, kube-controller-manager",
    "hyperkube controller-manager, CONTROLLER_MANAGER, hyperkube controller-manager",
    "kube-scheduler, SCHEDULER, kube-scheduler",
    "/usr/local/bin/etcd, ETCD, etcd",
    "/usr/bin/kubelet, KUBELET, kubelet",
    "hyperkube kubelet, KUBELET, hyperkube kubelet",
    "kube-proxy, PROXY, kube-proxy",
  })
  void detects(String argv, Component component, String bin) {
    List<String> words = List.of((argv + " --v=2").split(" ", -1));
    Map<Component, ComponentDetector.Detection> found =
        new ComponentDetector(NodeOverrides.NONE)
            .detect(List.of(process(7, words.toArray(String[]::new))));
    assertThat(found).containsKey(component);
    ComponentDetector.Detection detection = Objects.requireNonNull(found.get(component));
    assertThat(detection.bin()).isEqualTo(bin);
    assertThat(detection.flagTokens()).containsExactly("--v=2");
  }

  @Test
  @DisplayName("a shell that only mentions a component in its arguments is not that component")
  void shellWrapperIsNotAComponent() {
    ProcessInfo shell = process(9, "/bin/bash", "-c", "kube-apiserver --anonymous-auth=true");
    ProcessInfo grep = process(10, "grep", "kube-apiserver");
    assertThat(new ComponentDetector(NodeOverrides.NONE).detect(List.of(shell, grep))).isEmpty();
  }

  @Test
  @DisplayName("the kernel's 15-character comm identifies a process whose argv[0] was rewritten")
  void commMatches() {
    ProcessInfo renamed =
        new ProcessInfo(5, "kube-controller", null, List.of("controller", "--profiling=false"));
    assertThat(new ComponentDetector(NodeOverrides.NONE).detect(List.of(renamed)))
        .containsKey(Component.CONTROLLER_MANAGER);
  }

  @Test
  @DisplayName("the lowest pid wins and every matching pid is kept")
  void severalProcesses() {
    ComponentDetector.Detection detection =
        Objects.requireNonNull(
            new ComponentDetector(NodeOverrides.NONE)
                .detect(List.of(process(30, "kubelet", "--a"), process(20, "kubelet", "--b")))
                .get(Component.KUBELET));
    assertThat(detection.pids()).containsExactly(30L, 20L);
    assertThat(detection.process().argv()).contains("--a");
  }

  @Test
  @DisplayName("overridden process names replace the built-in ones")
  void overrides() {
    NodeOverrides overrides =
        new NodeOverrides(
            Map.of(Component.APISERVER, List.of("my-apiserver serve")), Map.of(), Map.of());
    ComponentDetector detector = new ComponentDetector(overrides);
    assertThat(detector.detect(List.of(process(3, "kube-apiserver")))).isEmpty();
    assertThat(
            Objects.requireNonNull(
                    detector
                        .detect(List.of(process(3, "my-apiserver", "serve", "--x=1")))
                        .get(Component.APISERVER))
                .flagTokens())
        .containsExactly("--x=1");
  }

  @Test
  @DisplayName("k3s and rke2 servers and agents are supervisors, not components")
  void supervisors() {
    ComponentDetector detector = new ComponentDetector(NodeOverrides.NONE);
    List<ProcessInfo> processes = List.of(process(4, "/usr/local/bin/k3s", "server", "--x"));
    assertThat(detector.detect(processes)).isEmpty();
    assertThat(detector.supervisor(processes))
        .get()
        .extracting(ComponentDetector.Detection::bin)
        .isEqualTo("k3s server");
    assertThat(detector.supervisor(List.of(process(4, "rke2", "agent"))))
        .get()
        .extracting(ComponentDetector.Detection::bin)
        .isEqualTo("rke2 agent");
  }
}
