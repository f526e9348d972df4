package io.kubeattest.cli;

import io.kubeattest.image.oci.Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One image of a cluster scan and who runs it: the names it went by, and per workload the pods that
 * run it (none when only the workload's template names it). Not thread-safe.
 */
final class ImageUsers {
  private static final int PODS_SHOWN = 3;

  private final String reference;
  private final @Nullable Digest digest;
  private final Set<String> names = new LinkedHashSet<>();
  private final Set<String> byTag = new LinkedHashSet<>();
  private final Map<String, Set<String>> pods = new LinkedHashMap<>();

  ImageUsers(String reference, @Nullable Digest digest) {
    this.reference = reference;
    this.digest = digest;
  }

  /** What to scan: {@code repo@sha256:...} when a pod reported the digest, else the name. */
  String reference() {
    return reference;
  }

  /** True when a pod's status gave the digest: {@link #reference} is pinned. */
  boolean pinned() {
    return digest != null;
  }

  /** Pod {@code pod} of {@code workload} runs this image as {@code image}. */
  void runBy(String workload, String pod, RunningImage image) {
    names.add(image.name());
    if (!image.byTag().isEmpty()) {
      byTag.add(image.byTag());
    }
    pods.computeIfAbsent(workload, k -> new LinkedHashSet<>()).add(pod);
  }

  /** {@code workload}'s template names this image and none of its pods runs it. */
  void namedBy(String workload) {
    names.add(reference);
    pods.computeIfAbsent(workload, k -> new LinkedHashSet<>());
  }

  /** Adds {@code other}'s names and users: it turned out to be the same image. */
  void absorb(ImageUsers other) {
    names.addAll(other.names);
    byTag.addAll(other.byTag);
    other.pods.forEach(
        (workload, running) ->
            pods.computeIfAbsent(workload, k -> new LinkedHashSet<>()).addAll(running));
  }

  /**
   * The bracket appended to this image's findings and notes: {@code [image SCANNED; named a:1, b:2;
   * run by W (pods a, b), V (no pods)]}, with why it was named by tag when a pod gave no digest.
   */
  String describe(String scanned) {
    List<String> parts = new ArrayList<>();
    parts.add("image " + scanned);
    if (!byTag.isEmpty()) {
      parts.add("by tag: " + String.join(", ", byTag));
    }
    parts.add("named " + String.join(", ", names));
    List<String> workloads = new ArrayList<>();
    pods.forEach((workload, running) -> workloads.add(workload + " (" + pods(running) + ")"));
    parts.add("run by " + String.join(", ", workloads));
    return " [" + String.join("; ", parts) + "]";
  }

  private static String pods(Set<String> names) {
    if (names.isEmpty()) {
      return "no pods";
    }
    List<String> shown = names.stream().limit(PODS_SHOWN).toList();
    return (names.size() == 1 ? "pod " : "pods ")
        + String.join(", ", shown)
        + (names.size() > PODS_SHOWN ? " and " + (names.size() - PODS_SHOWN) + " more" : "");
  }
}
