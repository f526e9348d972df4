package io.kubeattest.cli;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a test: {@code bench/cluster/run.sh} runs it under {@code -Xmx1g}. Loads N bare pods (the
 * worst case: none is left out as owned) into the mock API server, runs {@code kubeattest cluster
 * -o json} against it, and prints wall time and peak heap. The mock server's store lives in the
 * same heap, so the figure is an upper bound for kubeattest alone.
 */
public final class ClusterBenchmark {
  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int namespaces = 50;
    try (MockCluster cluster = new MockCluster()) {
      long loadStart = System.nanoTime();
      for (int n = 0; n < namespaces; n++) {
        Namespace namespace =
            new NamespaceBuilder().withNewMetadata().withName("team-" + n).endMetadata().build();
        cluster.client.resource(namespace).create();
      }
      for (int i = 0; i < pods; i++) {
        Pod pod =
            new PodBuilder()
                .withNewMetadata()
                .withName("pod-" + i)
                .withNamespace("team-" + (i % namespaces))
                .addToLabels("app", "app-" + (i % 200))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("registry.example.com/app-" + (i % 200) + ":1." + (i % 7))
                .withNewSecurityContext()
                .withPrivileged(i % 10 == 0)
                .endSecurityContext()
                .endContainer()
                .endSpec()
                .build();
        cluster.client.resource(pod).create();
      }
      System.err.printf(
          "loaded %d pods in %d namespaces in %.1f s%n",
          pods, namespaces, (System.nanoTime() - loadStart) / 1e9);
      Path dir = Files.createTempDirectory("kubeattest-bench");
      Path kubeconfig = cluster.kubeconfig(dir);
      Path report = dir.resolve("report.json");
      resetPeaks();
      long start = System.nanoTime();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          KubeattestCommand.run(
              new String[] {
                "cluster",
                "--kubeconfig",
                kubeconfig.toString(),
                "-o",
                "json",
                "--output",
                report.toString(),
                "-q"
              },
              InputStream.nullInputStream(),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "pods=%d exit=%d wall=%.1fs peakHeap=%dMiB maxHeap=%dMiB report=%dMiB%n",
          pods,
          code,
          seconds,
          peakHeap() >> 20,
          Runtime.getRuntime().maxMemory() >> 20,
          Files.size(report) >> 20);
      System.err.print(err.toString(StandardCharsets.UTF_8));
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}
