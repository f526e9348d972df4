package io.kubeattest.engine.k8s;

import io.kubeattest.engine.tree.FieldPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Knows where each workload kind keeps its pod spec: {@code spec} for a Pod, {@code template.spec}
 * for a PodTemplate, {@code spec.jobTemplate.spec.template.spec} for a CronJob, {@code
 * spec.template.spec} for the controllers. More kinds (custom resources) can be added.
 */
public final class PodSpecLocator {
  private static final FieldPath TEMPLATE = FieldPath.parse("spec.template");
  private final Map<String, FieldPath> templates;

  private PodSpecLocator(Map<String, FieldPath> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** The kinds Kubernetes itself defines. */
  public static PodSpecLocator standard() {
    Map<String, FieldPath> templates = new LinkedHashMap<>();
    templates.put("Pod", FieldPath.root());
    templates.put("PodTemplate", FieldPath.parse("template"));
    for (String kind :
        new String[] {
          "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"
        }) {
      templates.put(kind, TEMPLATE);
    }
    templates.put("CronJob", FieldPath.parse("spec.jobTemplate.spec.template"));
    return new PodSpecLocator(templates);
  }

  /** This locator plus {@code kind}, whose pod template (metadata + spec) is at {@code path}. */
  public PodSpecLocator with(String kind, FieldPath template) {
    Map<String, FieldPath> more = new LinkedHashMap<>(templates);
    more.put(kind, template);
    return new PodSpecLocator(more);
  }

  /**
   * The path of the pod template (the map holding {@code metadata} and {@code spec}) of {@code
   * kind}; for a Pod, the object itself.
   */
  public Optional<FieldPath> templatePath(String kind) {
    return Optional.ofNullable(templates.get(kind));
  }
}
