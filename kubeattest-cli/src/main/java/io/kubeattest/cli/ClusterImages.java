package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.k8s.PodSpecLocator;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.scan.ScanListener;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.engine.tree.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The images a cluster's workloads run, each scanned once: collected while objects stream by, then
 * audited in parallel, their findings linked to the workloads that run them. An image that cannot
 * be read (a private registry without credentials, a deleted tag) is a note; the scan goes on.
 */
final class ClusterImages {
  private static final String[] CONTAINER_LISTS = {"initContainers", "containers"};

  private final PodSpecLocator locator = PodSpecLocator.standard();
  private final Map<String, Set<String>> users = new LinkedHashMap<>();

  /** Records the images {@code object} runs, if it is a workload. */
  void collect(KubernetesObject object) {
    Optional<FieldPath> template =
        locator.templatePath(object.ref().apiVersion(), object.ref().kind());
    if (template.isEmpty()) {
      return;
    }
    Object spec = template.get().key("spec").lookup(object.content());
    if (!(spec instanceof Map<?, ?> podSpec)) {
      return;
    }
    for (String list : CONTAINER_LISTS) {
      if (podSpec.get(list) instanceof List<?> containers) {
        for (Object container : containers) {
          if (container instanceof Map<?, ?> c && c.get("image") instanceof String image) {
            users.computeIfAbsent(image, k -> new LinkedHashSet<>()).add(object.ref().display());
          }
        }
      }
    }
  }

  /** The distinct images seen so far, in first-seen order. */
  Set<String> images() {
    return users.keySet();
  }

  /**
   * Audits every image with {@code threads} in parallel and adds the findings and notes to the
   * scan, in first-seen order.
   */
  void scan(ImageAudit audit, int threads, Scanner.Session session) {
    if (users.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<ScanResult>> results = new ArrayList<>();
      for (String image : users.keySet()) {
        results.add(pool.submit(() -> audit.audit(audit.inspect(image), ScanListener.NONE)));
      }
      int i = 0;
      for (Map.Entry<String, Set<String>> entry : users.entrySet()) {
        add(entry.getKey(), entry.getValue(), results.get(i++), session);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void add(
      String image, Set<String> usedBy, Future<ScanResult> future, Scanner.Session session) {
    ScanResult result;
    try {
      result = future.get();
    } catch (ExecutionException e) {
      String reason =
          e.getCause() instanceof KubeattestException k
              ? String.valueOf(k.getMessage())
              : String.valueOf(e.getCause());
      session.note(new InputNote(InputNote.Kind.SKIPPED, image, "image not scanned: " + reason));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning images", e);
    }
    String suffix = " [image " + image + ", run by " + String.join(", ", usedBy) + "]";
    List<Finding> linked = new ArrayList<>();
    for (Finding finding : result.findings()) {
      linked.add(
          finding.message().isEmpty()
              ? finding
              : finding.with(finding.status(), finding.message() + suffix));
    }
    session.add(linked);
    result.notes().forEach(session::note);
  }
}
