package io.kubeattest.sources.cluster;

import io.kubeattest.engine.model.ObjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which objects repeat their owner's pod template and are left out, so each pod template is
 * judged once, through its controller:
 *
 * <ul>
 *   <li>a ReplicaSet controlled by a Deployment, and a Job controlled by a CronJob, are left out;
 *   <li>a Pod controlled by a scanned controller (ReplicaSet, StatefulSet, DaemonSet, Job,
 *       ReplicationController) is left out, unless it differs from its owner's template: its
 *       containers' images differ, or it has ephemeral containers ({@code kubectl debug}). Such a
 *       pod is judged on its own.
 * </ul>
 *
 * It also names the workload that runs a pod ({@link #workloadOf}): the top of its controller
 * chain.
 *
 * <p>Owners are listed before pods ({@link ResourceKind#ALL}); this class remembers, per owner,
 * only a short signature of its template (container names and images) and, for a ReplicaSet or Job,
 * the Deployment or CronJob that controls it; never the object.
 */
final class OwnedPods {
  private static final Set<String> POD_OWNERS =
      Set.of("ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController");

  private static final Map<String, String> PARENTS =
      Map.of("ReplicaSet", "Deployment", "Job", "CronJob");

  private final Map<String, String> signatures = new HashMap<>();
  private final Map<String, ObjectRef> parents = new HashMap<>();

  /** Remembers a controller's template; call for every controller, including left-out ones. */
  void rememberOwner(String kind, Map<String, @Nullable Object> object) {
    if (!POD_OWNERS.contains(kind)) {
      return;
    }
    String namespace = string(path(object, "metadata", "namespace"));
    String key = key(kind, namespace, string(path(object, "metadata", "name")));
    Object template = path(object, "spec", "template", "spec");
    if (template instanceof Map<?, ?> spec) {
      signatures.put(key, signature(spec));
    }
    Map<?, ?> owner = controller(object);
    if (owner != null && string(owner.get("kind")).equals(PARENTS.get(kind))) {
      parents.put(key, ref(owner, namespace));
    }
  }

  /**
   * The workload that runs {@code pod}: the Deployment or CronJob above its ReplicaSet or Job when
   * the scan listed that ReplicaSet or Job, else its controller when that is a kind which controls
   * pods, else the pod itself (no controller, or one kubeattest does not list, such as the Node of
   * a static pod's mirror).
   */
  ObjectRef workloadOf(ObjectRef pod, Map<String, @Nullable Object> object) {
    Map<?, ?> owner = controller(object);
    if (owner == null || !POD_OWNERS.contains(string(owner.get("kind")))) {
      return pod;
    }
    String namespace = string(pod.namespace());
    ObjectRef controller = ref(owner, namespace);
    return parents.getOrDefault(key(controller.kind(), namespace, controller.name()), controller);
  }

  private static ObjectRef ref(Map<?, ?> owner, String namespace) {
    return new ObjectRef(
        string(owner.get("apiVersion")),
        string(owner.get("kind")),
        namespace.isEmpty() ? null : namespace,
        string(owner.get("name")));
  }

  /** True when {@code object} of {@code kind} is judged through its owner and is left out. */
  boolean leftOut(String kind, Map<String, @Nullable Object> object) {
    Map<?, ?> owner = controller(object);
    if (owner == null) {
      return false;
    }
    String ownerKind = string(owner.get("kind"));
    return switch (kind) {
      case "ReplicaSet" -> ownerKind.equals("Deployment");
      case "Job" -> ownerKind.equals("CronJob");
      case "Pod" -> {
        String expected =
            signatures.get(
                key(
                    ownerKind,
                    string(path(object, "metadata", "namespace")),
                    string(owner.get("name"))));
        yield expected != null
            && path(object, "spec") instanceof Map<?, ?> spec
            && spec.get("ephemeralContainers") == null
            && expected.equals(signature(spec));
      }
      default -> false;
    };
  }

  private static @Nullable Map<?, ?> controller(Map<String, @Nullable Object> object) {
    if (path(object, "metadata", "ownerReferences") instanceof List<?> owners) {
      for (Object owner : owners) {
        if (owner instanceof Map<?, ?> ref && Boolean.TRUE.equals(ref.get("controller"))) {
          return ref;
        }
      }
    }
    return null;
  }

  /** Owners are found by kind, namespace and name (an owner reference's namespace is its own). */
  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  private static String signature(Map<?, ?> podSpec) {
    StringBuilder signature = new StringBuilder();
    for (String list : new String[] {"initContainers", "containers"}) {
      if (podSpec.get(list) instanceof List<?> containers) {
        for (Object container : containers) {
          if (container instanceof Map<?, ?> c) {
            signature.append(list).append(':').append(c.get("name")).append('=');
            signature.append(c.get("image")).append(';');
          }
        }
      }
    }
    return signature.toString();
  }

  private static @Nullable Object path(@Nullable Object tree, String... keys) {
    Object current = tree;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  private static String string(@Nullable Object value) {
    return value instanceof String s ? s : "";
  }
}
