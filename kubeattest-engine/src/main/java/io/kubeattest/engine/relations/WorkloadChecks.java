package io.kubeattest.engine.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cross-object checks about workloads and what they reference: disruption budgets, autoscalers,
 * service accounts, Secrets and ConfigMaps.
 */
final class WorkloadChecks {
  private WorkloadChecks() {}

  private static final List<String> REPLICATED = List.of("Deployment", "StatefulSet", "Rollout");

  /** workload-pdb-exists: a workload with minReplicas or more replicas has a PDB. */
  static List<Verdict> pdbExists(ObjectIndex index, Map<String, Object> params) {
    long minReplicas = params.get("minReplicas") instanceof Number n ? n.longValue() : 2;
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject workload : index.workloads()) {
      if (!REPLICATED.contains(workload.kind())) {
        continue;
      }
      long replicas = Math.max(workload.replicas(), hpaMinReplicas(index, workload).orElse(0L));
      if (replicas < minReplicas) {
        continue;
      }
      verdicts.add(
          budgetsOf(index, workload).isEmpty()
              ? Verdict.fail(
                  workload,
                  replicas + " replicas and no PodDisruptionBudget selects them",
                  "spec.replicas")
              : Verdict.pass(workload, "spec.replicas"));
    }
    return verdicts;
  }

  /** pdb-allows-disruption: a PDB that never allows an eviction blocks node drains. */
  static List<Verdict> pdbAllowsDisruption(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject pdb : index.ofKind("PodDisruptionBudget")) {
      Object maxUnavailable = pdb.at("spec.maxUnavailable");
      Object minAvailable = pdb.at("spec.minAvailable");
      String problem = null;
      if (maxUnavailable != null && isZero(maxUnavailable)) {
        problem = "maxUnavailable " + maxUnavailable + " never allows an eviction";
      } else if ("100%".equals(String.valueOf(minAvailable))) {
        problem = "minAvailable 100% never allows an eviction";
      } else if (minAvailable instanceof Number n) {
        for (IndexedObject workload : index.selectedBy(pdb.at("spec.selector"), pdb.namespace())) {
          if (REPLICATED.contains(workload.kind()) && n.longValue() >= workload.replicas()) {
            problem =
                "minAvailable "
                    + n
                    + " is not below the "
                    + workload.replicas()
                    + " replicas of "
                    + workload.kind()
                    + " "
                    + workload.name();
          }
        }
      }
      verdicts.add(
          problem == null
              ? Verdict.pass(pdb, "spec")
              : Verdict.fail(
                  pdb,
                  problem,
                  maxUnavailable != null ? "spec.maxUnavailable" : "spec.minAvailable"));
    }
    return verdicts;
  }

  /** pdb-min-available-vs-hpa: minAvailable above the autoscaler's minimum blocks evictions. */
  static List<Verdict> pdbMinAvailableVsHpa(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject pdb : index.ofKind("PodDisruptionBudget")) {
      if (!(pdb.at("spec.minAvailable") instanceof Number minAvailable)) {
        continue;
      }
      for (IndexedObject workload : index.selectedBy(pdb.at("spec.selector"), pdb.namespace())) {
        Optional<Long> hpaMin = hpaMinReplicas(index, workload);
        if (hpaMin.isEmpty()) {
          continue;
        }
        verdicts.add(
            minAvailable.longValue() > hpaMin.get()
                ? Verdict.fail(
                    pdb,
                    "minAvailable "
                        + minAvailable
                        + " exceeds the autoscaler's minReplicas "
                        + hpaMin.get()
                        + " for "
                        + workload.kind()
                        + " "
                        + workload.name(),
                    "spec.minAvailable")
                : Verdict.pass(pdb, "spec.minAvailable"));
      }
    }
    return verdicts;
  }

  /** hpa-target-exists: the autoscaler's scaleTargetRef is an object of this scan. */
  static List<Verdict> hpaTargetExists(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject hpa : index.ofKind("HorizontalPodAutoscaler")) {
      Object kind = hpa.at("spec.scaleTargetRef.kind");
      Object name = hpa.at("spec.scaleTargetRef.name");
      boolean exists =
          kind instanceof String k
              && name instanceof String n
              && index.workloads().stream()
                  .anyMatch(
                      w ->
                          w.kind().equals(k)
                              && w.name().equals(n)
                              && w.namespace().equals(hpa.namespace()));
      verdicts.add(
          exists
              ? Verdict.pass(hpa, "spec.scaleTargetRef")
              : Verdict.fail(
                  hpa,
                  "scaleTargetRef " + kind + " " + name + " is not in this scan",
                  "spec.scaleTargetRef"));
    }
    return verdicts;
  }

  /** deployment-hpa-no-replicas: an autoscaled Deployment must not set spec.replicas. */
  static List<Verdict> deploymentHpaNoReplicas(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject workload : index.workloads()) {
      if (!workload.kind().equals("Deployment") || hpaOf(index, workload).isEmpty()) {
        continue;
      }
      verdicts.add(
          workload.at("spec.replicas") == null
              ? Verdict.pass(workload, "spec")
              : Verdict.fail(
                  workload,
                  "spec.replicas is set although an autoscaler manages it; every apply resets the"
                      + " scale",
                  "spec.replicas"));
    }
    return verdicts;
  }

  /** pod-nonexistent-service-account: a named service account is in the scan. */
  static List<Verdict> serviceAccountExists(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject workload : index.workloads()) {
      Object account = workload.podSpec().get("serviceAccountName");
      if (account == null) {
        account = workload.podSpec().get("serviceAccount");
      }
      if (!(account instanceof String name) || name.isEmpty() || name.equals("default")) {
        continue;
      }
      String path = workload.podSpecPath().key("serviceAccountName").toString();
      verdicts.add(
          index.exists("ServiceAccount", workload.namespace(), name)
              ? Verdict.pass(workload, path)
              : Verdict.fail(workload, "ServiceAccount " + name + " is not in this scan", path));
    }
    return verdicts;
  }

  /** container-env-ref-missing: required Secret and ConfigMap references exist in the scan. */
  static List<Verdict> envReferencesExist(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject workload : index.workloads()) {
      List<String> missing = new ArrayList<>();
      boolean any = false;
      for (Map<?, ?> container : workload.containers()) {
        for (Reference reference : references(container)) {
          any = true;
          if (!reference.optional()
              && !index.exists(reference.kind(), workload.namespace(), reference.name())) {
            missing.add(reference.kind() + " " + reference.name());
          }
        }
      }
      if (any) {
        verdicts.add(
            missing.isEmpty()
                ? Verdict.pass(workload, workload.podSpecPath().toString())
                : Verdict.fail(
                    workload,
                    "references not in this scan: "
                        + String.join(", ", missing.stream().distinct().toList()),
                    workload.podSpecPath().toString()));
      }
    }
    return verdicts;
  }

  private record Reference(String kind, String name, boolean optional) {}

  private static List<Reference> references(Map<?, ?> container) {
    List<Reference> references = new ArrayList<>();
    if (container.get("env") instanceof List<?> env) {
      for (Object item : env) {
        if (item instanceof Map<?, ?> var && var.get("valueFrom") instanceof Map<?, ?> from) {
          add(references, "Secret", from.get("secretKeyRef"));
          add(references, "ConfigMap", from.get("configMapKeyRef"));
        }
      }
    }
    if (container.get("envFrom") instanceof List<?> envFrom) {
      for (Object item : envFrom) {
        if (item instanceof Map<?, ?> source) {
          add(references, "Secret", source.get("secretRef"));
          add(references, "ConfigMap", source.get("configMapRef"));
        }
      }
    }
    return references;
  }

  private static void add(List<Reference> references, String kind, @Nullable Object ref) {
    if (ref instanceof Map<?, ?> map && map.get("name") instanceof String name) {
      references.add(new Reference(kind, name, Boolean.TRUE.equals(map.get("optional"))));
    }
  }

  private static List<IndexedObject> budgetsOf(ObjectIndex index, IndexedObject workload) {
    return index.inNamespace("PodDisruptionBudget", workload.namespace()).stream()
        .filter(p -> LabelSelector.matches(p.at("spec.selector"), workload.podLabels()))
        .toList();
  }

  private static List<IndexedObject> hpaOf(ObjectIndex index, IndexedObject workload) {
    return index.inNamespace("HorizontalPodAutoscaler", workload.namespace()).stream()
        .filter(
            h ->
                workload.kind().equals(h.at("spec.scaleTargetRef.kind"))
                    && workload.name().equals(h.at("spec.scaleTargetRef.name")))
        .toList();
  }

  private static Optional<Long> hpaMinReplicas(ObjectIndex index, IndexedObject workload) {
    return hpaOf(index, workload).stream()
        .map(h -> h.at("spec.minReplicas") instanceof Number n ? n.longValue() : 1L)
        .findFirst();
  }

  private static boolean isZero(Object value) {
    return value instanceof Number n ? n.longValue() == 0 : "0%".equals(value) || "0".equals(value);
  }
}
