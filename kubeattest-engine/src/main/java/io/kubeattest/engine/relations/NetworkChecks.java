package io.kubeattest.engine.relations;

import io.kubeattest.engine.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Cross-object checks about traffic: Services, Ingresses, NetworkPolicies. */
final class NetworkChecks {
  private NetworkChecks() {}

  /** service-targets-pods: a Service with a selector selects at least one pod template. */
  static List<Verdict> serviceTargetsPods(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject service : index.ofKind("Service")) {
      if ("ExternalName".equals(service.at("spec.type"))
          || !(service.at("spec.selector") instanceof Map<?, ?> selector)
          || selector.isEmpty()) {
        continue;
      }
      boolean selects =
          index.workloadsIn(service.namespace()).stream()
              .anyMatch(w -> LabelSelector.mapMatches(selector, w.podLabels()));
      verdicts.add(
          selects
              ? Verdict.pass(service, "spec.selector")
              : Verdict.fail(
                  service,
                  "selector " + selector + " matches no pod template in this scan",
                  "spec.selector"));
    }
    return verdicts;
  }

  /** ingress-targets-service: every backend names a Service of the scan and one of its ports. */
  static List<Verdict> ingressTargetsService(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject ingress : index.ofKind("Ingress")) {
      List<String> backends = new ArrayList<>();
      if (ingress.at("spec.defaultBackend.service") != null) {
        backends.add("spec.defaultBackend.service");
      }
      if (ingress.at("spec.rules") instanceof List<?> rules) {
        for (int r = 0; r < rules.size(); r++) {
          Object paths =
              io.kubeattest.engine.tree.FieldPath.parse("http.paths").lookup(rules.get(r));
          if (paths instanceof List<?> list) {
            for (int p = 0; p < list.size(); p++) {
              backends.add("spec.rules[" + r + "].http.paths[" + p + "].backend.service");
            }
          }
        }
      }
      if (backends.isEmpty()) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      String firstBad = null;
      for (String backend : backends) {
        String problem = backendProblem(index, ingress, backend);
        if (problem != null) {
          problems.add(problem);
          firstBad = firstBad == null ? backend : firstBad;
        }
      }
      verdicts.add(
          problems.isEmpty()
              ? Verdict.pass(ingress, backends.get(0))
              : Verdict.fail(ingress, String.join("; ", problems), firstBad));
    }
    return verdicts;
  }

  private static @org.jspecify.annotations.Nullable String backendProblem(
      ObjectIndex index, IndexedObject ingress, String backend) {
    Object name = ingress.at(backend + ".name");
    if (!(name instanceof String serviceName)) {
      return backend + " names no service";
    }
    List<IndexedObject> services =
        index.inNamespace("Service", ingress.namespace()).stream()
            .filter(s -> s.name().equals(serviceName))
            .toList();
    if (services.isEmpty()) {
      return "Service " + serviceName + " is not in this scan";
    }
    Object number = ingress.at(backend + ".port.number");
    Object portName = ingress.at(backend + ".port.name");
    if (number == null && portName == null) {
      return null;
    }
    boolean found =
        services.get(0).at("spec.ports") instanceof List<?> ports
            && ports.stream()
                .filter(Map.class::isInstance)
                .map(p -> (Map<?, ?>) p)
                .anyMatch(
                    p ->
                        (number != null
                                && String.valueOf(number).equals(String.valueOf(p.get("port"))))
                            || (portName != null && portName.equals(p.get("name"))));
    return found
        ? null
        : "Service " + serviceName + " has no port " + (number != null ? number : portName);
  }

  /** statefulset-headless-service: serviceName names a Service with clusterIP None. */
  static List<Verdict> statefulSetHeadlessService(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject set : index.ofKind("StatefulSet")) {
      if (!(set.at("spec.serviceName") instanceof String serviceName) || serviceName.isEmpty()) {
        continue;
      }
      List<IndexedObject> services =
          index.inNamespace("Service", set.namespace()).stream()
              .filter(s -> s.name().equals(serviceName))
              .toList();
      if (services.isEmpty()) {
        verdicts.add(
            Verdict.fail(
                set, "Service " + serviceName + " is not in this scan", "spec.serviceName"));
      } else if (!"None".equals(services.get(0).at("spec.clusterIP"))) {
        verdicts.add(
            Verdict.fail(
                set,
                "Service " + serviceName + " is not headless (spec.clusterIP is not None)",
                "spec.serviceName"));
      } else {
        verdicts.add(Verdict.pass(set, "spec.serviceName"));
      }
    }
    return verdicts;
  }

  /** pod-network-policy: some NetworkPolicies select the workload for ingress and egress. */
  static List<Verdict> podNetworkPolicy(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject workload : index.workloads()) {
      List<IndexedObject> policies =
          index.inNamespace("NetworkPolicy", workload.namespace()).stream()
              .filter(p -> LabelSelector.matches(p.at("spec.podSelector"), workload.podLabels()))
              .toList();
      boolean ingress = policies.stream().anyMatch(p -> policyTypes(p).contains("Ingress"));
      boolean egress = policies.stream().anyMatch(p -> policyTypes(p).contains("Egress"));
      if (ingress && egress) {
        verdicts.add(Verdict.pass(workload, null));
      } else if (policies.isEmpty()) {
        verdicts.add(Verdict.fail(workload, "no NetworkPolicy selects this workload", null));
      } else {
        verdicts.add(
            Verdict.fail(
                workload,
                "selected by "
                    + policies.stream().map(IndexedObject::name).collect(Collectors.joining(", "))
                    + " but "
                    + (ingress ? "egress" : egress ? "ingress" : "neither ingress nor egress")
                    + " is unrestricted",
                null));
      }
    }
    return verdicts;
  }

  /** namespace-network-policy: each namespace with workloads has a default-deny policy. */
  static List<Verdict> namespaceNetworkPolicy(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (String namespace : index.workloadNamespaces()) {
      IndexedObject subject = namespaceSubject(index, namespace);
      List<IndexedObject> denyAll =
          index.inNamespace("NetworkPolicy", namespace).stream()
              .filter(p -> LabelSelector.selectsAll(p.at("spec.podSelector")))
              .toList();
      boolean ingress =
          denyAll.stream()
              .anyMatch(p -> policyTypes(p).contains("Ingress") && p.at("spec.ingress") == null);
      boolean egress =
          denyAll.stream()
              .anyMatch(p -> policyTypes(p).contains("Egress") && p.at("spec.egress") == null);
      verdicts.add(
          ingress && egress
              ? Verdict.pass(subject, null)
              : Verdict.fail(
                  subject,
                  "namespace "
                      + (namespace.isEmpty() ? "(not set in the manifests)" : namespace)
                      + " has no default-deny NetworkPolicy for "
                      + (ingress ? "egress" : egress ? "ingress" : "ingress and egress"),
                  null));
    }
    return verdicts;
  }

  /** networkpolicy-targets-pods: a policy with a non-empty selector selects some workload. */
  static List<Verdict> networkPolicyTargetsPods(ObjectIndex index, Map<String, Object> params) {
    List<Verdict> verdicts = new ArrayList<>();
    for (IndexedObject policy : index.ofKind("NetworkPolicy")) {
      Object selector = policy.at("spec.podSelector");
      if (LabelSelector.selectsAll(selector)) {
        continue;
      }
      verdicts.add(
          index.selectedBy(selector, policy.namespace()).isEmpty()
              ? Verdict.fail(
                  policy, "podSelector matches no pod template in this scan", "spec.podSelector")
              : Verdict.pass(policy, "spec.podSelector"));
    }
    return verdicts;
  }

  /** The policy types as Kubernetes defaults them: Ingress, plus Egress when egress rules exist. */
  static List<String> policyTypes(IndexedObject policy) {
    if (policy.at("spec.policyTypes") instanceof List<?> types) {
      return types.stream().map(String::valueOf).toList();
    }
    return policy.at("spec.egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
  }

  private static IndexedObject namespaceSubject(ObjectIndex index, String namespace) {
    for (IndexedObject candidate : index.ofKind("Namespace")) {
      if (candidate.name().equals(namespace)) {
        return candidate;
      }
    }
    SourceLocation first =
        index.workloads().stream()
            .filter(w -> w.namespace().equals(namespace))
            .map(w -> w.object().location())
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return SyntheticObjects.namespace(namespace, first);
  }
}
