package io.kubeattest.engine.k8s;

import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.tree.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns one Kubernetes object into the subjects rules evaluate: the object itself; for workloads,
 * the pod spec; and every init, regular and ephemeral container, in the order the Pod Security
 * Admission controller visits them. A container subject sees the pod-level security context where
 * the container leaves a field unset, as the kubelet applies it.
 */
public final class SubjectExtractor {
  /**
   * PodSecurityContext fields that a container inherits when its own securityContext omits them.
   */
  static final List<String> INHERITED_SECURITY_FIELDS =
      List.of(
          "runAsUser",
          "runAsGroup",
          "runAsNonRoot",
          "seLinuxOptions",
          "seccompProfile",
          "appArmorProfile",
          "windowsOptions");

  private static final String[][] CONTAINER_LISTS = {
    {"initContainers", "initContainer"},
    {"containers", "container"},
    {"ephemeralContainers", "ephemeralContainer"}
  };

  private final PodSpecLocator locator;

  public SubjectExtractor(PodSpecLocator locator) {
    this.locator = locator;
  }

  /** The stable id of an object: {@code Kind[.group]/[namespace/]name}. */
  public static String objectId(ObjectRef ref) {
    String apiVersion = ref.apiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : "." + apiVersion.substring(0, slash);
    String namespace = ref.namespace() == null ? "" : ref.namespace() + "/";
    return ref.kind() + group + "/" + namespace + ref.name();
  }

  /** Every subject of {@code object}: the object first, then its workload and containers. */
  public List<Subject> subjects(KubernetesObject object) {
    List<Subject> subjects = new ArrayList<>();
    ObjectRef ref = object.ref();
    String id = objectId(ref);
    Map<String, @Nullable Object> objectVars = new LinkedHashMap<>();
    objectVars.put("object", object.content());
    subjects.add(
        new Subject(
            new SubjectRef(SubjectKind.OBJECT, id, ref, null, object.location()),
            objectVars,
            Map.of("object", List.of(FieldPath.root())),
            object.location(),
            object.positions()));

    Optional<FieldPath> templatePath = locator.templatePath(ref.apiVersion(), ref.kind());
    if (templatePath.isEmpty()) {
      return subjects;
    }
    FieldPath specPath = templatePath.get().key("spec");
    FieldPath metaPath = templatePath.get().key("metadata");
    if (!(specPath.lookup(object.content()) instanceof Map<?, ?> podSpec)) {
      return subjects;
    }
    Object podMeta = metaPath.lookup(object.content());
    Map<String, @Nullable Object> workloadVars = new LinkedHashMap<>(objectVars);
    workloadVars.put("podSpec", podSpec);
    workloadVars.put("podMeta", podMeta instanceof Map<?, ?> ? podMeta : Map.of());
    subjects.add(
        new Subject(
            new SubjectRef(SubjectKind.WORKLOAD, id, ref, null, object.location()),
            workloadVars,
            Map.of(
                "object", List.of(FieldPath.root()),
                "podSpec", List.of(specPath),
                "podMeta", List.of(metaPath)),
            object.location(),
            object.positions()));

    Object podSecurity = podSpec.get("securityContext");
    for (String[] list : CONTAINER_LISTS) {
      if (!(podSpec.get(list[0]) instanceof List<?> containers)) {
        continue;
      }
      for (int i = 0; i < containers.size(); i++) {
        if (!(containers.get(i) instanceof Map<?, ?> container)) {
          continue;
        }
        FieldPath containerPath = specPath.key(list[0]).index(i);
        String name = container.get("name") instanceof String n ? n : list[0] + "[" + i + "]";
        Map<String, @Nullable Object> vars = new LinkedHashMap<>(workloadVars);
        vars.put("container", container);
        vars.put("containerType", list[1]);
        vars.put("securityContext", effectiveSecurityContext(podSecurity, container));
        Map<String, List<FieldPath>> roots = new LinkedHashMap<>();
        roots.put("object", List.of(FieldPath.root()));
        roots.put("podSpec", List.of(specPath));
        roots.put("podMeta", List.of(metaPath));
        roots.put("container", List.of(containerPath));
        roots.put(
            "securityContext",
            List.of(containerPath.key("securityContext"), specPath.key("securityContext")));
        subjects.add(
            new Subject(
                new SubjectRef(
                    SubjectKind.CONTAINER,
                    id + "/" + list[1] + ":" + name,
                    ref,
                    name,
                    object.location()),
                vars,
                roots,
                object.location(),
                object.positions()));
      }
    }
    return subjects;
  }

  /**
   * The security context the kubelet applies to a container: the container's own fields, and for
   * the fields a pod may set for all its containers, the pod's value where the container has none.
   */
  static Map<String, @Nullable Object> effectiveSecurityContext(
      @Nullable Object podSecurity, Map<?, ?> container) {
    Map<String, @Nullable Object> effective = new LinkedHashMap<>();
    if (podSecurity instanceof Map<?, ?> pod) {
      for (String field : INHERITED_SECURITY_FIELDS) {
        if (pod.containsKey(field) && pod.get(field) != null) {
          effective.put(field, pod.get(field));
        }
      }
    }
    if (container.get("securityContext") instanceof Map<?, ?> own) {
      own.forEach(
          (key, value) -> {
            if (value != null) {
              effective.put(String.valueOf(key), value);
            }
          });
    }
    return effective;
  }
}
