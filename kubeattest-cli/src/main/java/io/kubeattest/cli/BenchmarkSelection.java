package io.kubeattest.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which CIS Kubernetes Benchmark a node gets when {@code --benchmark} is not given: the version of
 * Kubernetes found on the node (API server first, then the kubelet, then any component) picks it.
 * Kubernetes 1.31 and later, or an unknown version, get {@value #NEWEST}; 1.30 and earlier get
 * {@code cis-1.11}. Documented in {@code docs/cis-node.md}.
 *
 * @param benchmark the chosen benchmark folder name, e.g. {@code cis-1.12}
 * @param detectedVersion {@code major.minor} found on the node, null when none was found
 * @param why one line saying where the choice came from
 */
record BenchmarkSelection(String benchmark, @Nullable String detectedVersion, String why) {
  static final String NEWEST = "cis-1.12";
  static final List<String> SHIPPED = List.of("cis-1.12", "cis-1.11");
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");

  /** Picks the benchmark for {@code facts}, or takes {@code requested} when it is not null. */
  static BenchmarkSelection of(Map<String, Object> facts, @Nullable String requested) {
    String found = null;
    String source = null;
    if (facts.get("versions") instanceof Map<?, ?> versions) {
      for (String component : List.of("apiserver", "kubelet", "controllermanager", "scheduler")) {
        if (versions.get(component) instanceof Map<?, ?> v
            && v.get("version") instanceof String s) {
          Matcher m = VERSION.matcher(s);
          if (m.matches()) {
            found = m.group(1) + "." + m.group(2);
            source = component + " " + s;
            break;
          }
        }
      }
    }
    if (requested != null) {
      return new BenchmarkSelection(requested, found, "--benchmark");
    }
    if (found == null) {
      return new BenchmarkSelection(NEWEST, null, "no Kubernetes version found, the newest");
    }
    String[] parts = found.split("\\.", -1);
    boolean newer =
        Integer.parseInt(parts[0]) > 1
            || (Integer.parseInt(parts[0]) == 1 && Integer.parseInt(parts[1]) >= 31);
    return new BenchmarkSelection(newer ? NEWEST : "cis-1.11", found, "from " + source);
  }
}
