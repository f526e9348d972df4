package io.kubeattest.cli;

import io.kubeattest.sources.cluster.ClusterOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options that say which cluster to read and which of its namespaces. */
final class ClusterOptionsMixin {
  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config, then the in-cluster service"
              + " account).")
  @Nullable Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context to use.")
  @Nullable String context;

  @Option(
      names = "--include-namespaces",
      paramLabel = "GLOB",
      split = ",",
      description = "Read only namespaces matching these globs (default: all, kube-system too).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude-namespaces",
      paramLabel = "GLOB",
      split = ",",
      description = "Do not read namespaces matching these globs.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--page-size",
      paramLabel = "N",
      hidden = true,
      description = "Objects per list request (limit).")
  int pageSize = ClusterOptions.DEFAULT_PAGE_SIZE;

  /** The options, with KUBECONFIG from {@code env} when --kubeconfig is not given. */
  ClusterOptions resolve(Map<String, String> env) {
    Path file = kubeconfig;
    String fromEnv = env.get("KUBECONFIG");
    if (file == null && fromEnv != null && !fromEnv.isBlank()) {
      file = Path.of(fromEnv.split(java.io.File.pathSeparator, -1)[0]);
    }
    if (pageSize < 1) {
      throw new io.kubeattest.engine.KubeattestException(
          "--page-size must be at least 1, got " + pageSize);
    }
    return new ClusterOptions(file, context, include, exclude, pageSize);
  }
}
