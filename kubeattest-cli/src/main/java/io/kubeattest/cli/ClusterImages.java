package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.k8s.PodSpecLocator;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.scan.ScanListener;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.registry.ImageReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.jspecify.annotations.Nullable;

/**
 * The images a cluster's workloads run, each read once: gathered while objects stream by, then
 * resolved and audited in parallel, their findings linked to the workloads and pods that run them.
 *
 * <p>What a pod runs is read from its status: a container whose {@code imageID} carries a registry
 * digest is scanned by that digest ({@link RunningImage}), so the scan reads what runs even when
 * its tag has moved since. A template image that no pod of its workload runs (no pods: scaled to
 * zero, a CronJob between runs; or a rollout that has not reached it) is scanned by the template's
 * name. Every reference is first resolved to its manifest; references that resolve to the same
 * manifest (two tags, a tag and a digest) form one {@link ImageGroup}, read once. An image that
 * cannot be read (a private registry without credentials, a deleted tag) is a note; the scan goes
 * on.
 *
 * <p>Held meanwhile: per workload its template's image names, per image who runs it; never a pod.
 */
final class ClusterImages {
  private static final String[][] CONTAINERS = {
    {"initContainers", "initContainerStatuses"},
    {"containers", "containerStatuses"},
    {"ephemeralContainers", "ephemeralContainerStatuses"}
  };

  private final PodSpecLocator locator = PodSpecLocator.standard();
  private final Map<String, Set<String>> templates = new LinkedHashMap<>();
  private final Map<String, Set<String>> runningNames = new HashMap<>();
  private final Map<String, ImageUsers> images = new LinkedHashMap<>();

  /** Records the images a workload's pod template names; a Pod's come through {@link #pod}. */
  void collect(KubernetesObject object) {
    if (object.ref().kind().equals("Pod")) {
      return;
    }
    Optional<FieldPath> template =
        locator.templatePath(object.ref().apiVersion(), object.ref().kind());
    if (template.isEmpty()
        || !(template.get().key("spec").lookup(object.content()) instanceof Map<?, ?> podSpec)) {
      return;
    }
    Set<String> names =
        templates.computeIfAbsent(object.ref().display(), k -> new LinkedHashSet<>());
    for (String[] lists : CONTAINERS) {
      containers(podSpec.get(lists[0]), "image").forEach((container, image) -> names.add(image));
    }
  }

  /** Records what each container of {@code pod} runs, for {@code workload}. */
  void pod(KubernetesObject pod, ObjectRef workload) {
    if (!(pod.content().get("spec") instanceof Map<?, ?> podSpec)) {
      return;
    }
    Object status = pod.content().get("status");
    for (String[] lists : CONTAINERS) {
      Map<String, String> ids =
          status instanceof Map<?, ?> s ? containers(s.get(lists[1]), "imageID") : Map.of();
      containers(podSpec.get(lists[0]), "image")
          .forEach(
              (container, image) ->
                  run(
                      workload.display(),
                      pod.ref().name(),
                      RunningImage.of(image, ids.get(container))));
    }
  }

  private void run(String workload, String pod, RunningImage image) {
    String key = image.digest() != null ? "@" + image.digest() : image.name();
    images
        .computeIfAbsent(key, k -> new ImageUsers(image.reference(), image.digest()))
        .runBy(workload, pod, image);
    runningNames.computeIfAbsent(workload, k -> new HashSet<>()).add(image.name());
  }

  /** Container name to the string field {@code field} of each entry of {@code list}. */
  private static Map<String, String> containers(@Nullable Object list, String field) {
    Map<String, String> values = new LinkedHashMap<>();
    if (list instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> c
            && c.get("name") instanceof String name
            && c.get(field) instanceof String value) {
          values.put(name, value);
        }
      }
    }
    return values;
  }

  /**
   * Every image to scan, in first-seen order: what pods run, then templates' images no pod runs.
   */
  private List<ImageUsers> images() {
    templates.forEach(
        (workload, names) -> {
          Set<String> running = runningNames.getOrDefault(workload, Set.of());
          for (String name : names) {
            if (!running.contains(name)) {
              images.computeIfAbsent(name, k -> new ImageUsers(name, null)).namedBy(workload);
            }
          }
        });
    templates.clear();
    return List.copyOf(images.values());
  }

  /**
   * Resolves every image to its manifest with {@code threads} in parallel, reads each distinct
   * manifest once, and adds the findings and notes to the scan, in first-seen order.
   */
  void scan(ImageAudit audit, int threads, Scanner.Session session) {
    List<ImageUsers> all = images();
    if (all.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<ResolvedImage>> opened = new ArrayList<>();
      for (ImageUsers users : all) {
        opened.add(pool.submit(() -> audit.open(ImageReference.parse(users.reference()))));
      }
      Map<Digest, ImageGroup> groups = new LinkedHashMap<>();
      for (int i = 0; i < all.size(); i++) {
        ImageUsers users = all.get(i);
        ResolvedImage image = result(opened.get(i), session, users, users.reference());
        if (image != null) {
          ImageGroup group = groups.get(image.manifestDigest());
          if (group == null) {
            groups.put(image.manifestDigest(), new ImageGroup(users, image));
          } else {
            group.add(users, image);
          }
        }
      }
      List<Future<ScanResult>> results = new ArrayList<>();
      for (ImageGroup group : groups.values()) {
        results.add(
            pool.submit(
                () -> audit.audit(audit.read(group.image(), group.tag()), ScanListener.NONE)));
      }
      int i = 0;
      for (ImageGroup group : groups.values()) {
        ScanResult result = result(results.get(i++), session, group.users(), group.scannedName());
        if (result != null) {
          add(result, group.users().describe(group.scannedName()), session);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What {@code future} gives, or null after a note that {@code name} could not be read. */
  private static <T> @Nullable T result(
      Future<T> future, Scanner.Session session, ImageUsers users, String name) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      String reason =
          e.getCause() instanceof KubeattestException k
              ? String.valueOf(k.getMessage())
              : String.valueOf(e.getCause());
      session.note(
          new InputNote(
              InputNote.Kind.SKIPPED, name, "image not scanned: " + reason + users.describe(name)));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning images", e);
    }
  }

  private static void add(ScanResult result, String suffix, Scanner.Session session) {
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
