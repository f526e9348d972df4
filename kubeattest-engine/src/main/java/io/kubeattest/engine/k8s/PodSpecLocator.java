package io.kubeattest.engine.k8s;

import io.kubeattest.engine.tree.FieldPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Knows where each workload kind keeps its pod spec: {@code spec} for a Pod, {@code template.spec}
 * for a PodTemplate, {@code spec.jobTemplate.spec.template.spec} for a CronJob, {@code
 * spec.template.spec} for the controllers. Kinds are keyed by API group and kind, so a Knative
 * {@code Service} is not mistaken for a core one. More kinds (custom resources) can be added.
 */
public final class PodSpecLocator {
  private static final FieldPath TEMPLATE = FieldPath.parse("spec.template");
  private final Map<String, FieldPath> templates;

  private PodSpecLocator(Map<String, FieldPath> templates) {
    this.templates = Map.copyOf(templates);
  }

  /**
   * The kinds Kubernetes itself defines, plus the custom resources most clusters run that embed a
   * pod template: Argo Rollouts ({@code argoproj.io/Rollout}) and Knative Serving ({@code
   * serving.knative.dev/Service} and {@code Configuration}).
   */
  public static PodSpecLocator standard() {
    Map<String, FieldPath> templates = new LinkedHashMap<>();
    templates.put("/Pod", FieldPath.root());
    templates.put("/PodTemplate", FieldPath.parse("template"));
    templates.put("/ReplicationController", TEMPLATE);
    for (String kind : new String[] {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"}) {
      templates.put("apps/" + kind, TEMPLATE);
      templates.put("extensions/" + kind, TEMPLATE);
    }
    templates.put("batch/Job", TEMPLATE);
    templates.put("batch/CronJob", FieldPath.parse("spec.jobTemplate.spec.template"));
    templates.put("argoproj.io/Rollout", TEMPLATE);
    templates.put("serving.knative.dev/Service", TEMPLATE);
    templates.put("serving.knative.dev/Configuration", TEMPLATE);
    return new PodSpecLocator(templates);
  }

  /**
   * This locator plus the kind {@code groupKind} ({@code group/Kind}, {@code /Kind} for the core
   * group), whose pod template (metadata + spec) is at {@code template}.
   */
  public PodSpecLocator with(String groupKind, FieldPath template) {
    Map<String, FieldPath> more = new LinkedHashMap<>(templates);
    more.put(groupKind, template);
    return new PodSpecLocator(more);
  }

  /** This locator plus every entry of {@code more} ({@code group/Kind} to template path). */
  public PodSpecLocator with(Map<String, FieldPath> more) {
    Map<String, FieldPath> all = new LinkedHashMap<>(templates);
    all.putAll(more);
    return new PodSpecLocator(all);
  }

  /**
   * The path of the pod template (the map holding {@code metadata} and {@code spec}) of objects of
   * {@code apiVersion} and {@code kind}; for a Pod, the object itself.
   */
  public Optional<FieldPath> templatePath(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return Optional.ofNullable(templates.get(group + "/" + kind));
  }
}
