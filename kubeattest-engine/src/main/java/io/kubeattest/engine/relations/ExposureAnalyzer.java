package io.kubeattest.engine.relations;

import io.kubeattest.engine.model.Exposure;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.rbac.Capability;
import io.kubeattest.engine.rbac.Grant;
import io.kubeattest.engine.rbac.RbacGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out each workload's {@link Exposure} from the objects of a scan: the ways in from outside
 * (LoadBalancer and NodePort Services selecting its pods, Ingresses routing to such a Service,
 * hostNetwork, hostPort) and its blast radius (privileged containers, host namespaces, hostPath
 * volumes, the dangerous rights of its service account). Only the scan's objects are known: a
 * manifest scan without Services sees no way in.
 */
public final class ExposureAnalyzer {
  private ExposureAnalyzer() {}

  /** The exposure of every workload of {@code index} that has something to say, by object. */
  public static Map<ObjectRef, Exposure> exposures(ObjectIndex index) {
    Map<ObjectRef, Exposure> result = new HashMap<>();
    RbacGraph graph = RbacChecks.graph(index);
    Map<String, List<SelectingService>> servicesByNamespace = new HashMap<>();
    for (IndexedObject workload : index.workloads()) {
      Set<String> via = new LinkedHashSet<>();
      List<SelectingService> services =
          servicesByNamespace.computeIfAbsent(
              workload.namespace(), namespace -> selectingServices(index, namespace));
      for (SelectingService service : services) {
        if (LabelSelector.mapMatches(service.selector(), workload.podLabels())) {
          via.addAll(service.ways());
        }
      }
      Map<?, ?> spec = workload.podSpec();
      if (Boolean.TRUE.equals(spec.get("hostNetwork"))) {
        via.add("hostNetwork");
      }
      List<String> blast = new ArrayList<>();
      for (Map<?, ?> container : workload.containers()) {
        if (container.get("ports") instanceof List<?> ports) {
          for (Object port : ports) {
            if (port instanceof Map<?, ?> p && p.get("hostPort") != null) {
              via.add("hostPort " + p.get("hostPort"));
            }
          }
        }
        if (container.get("securityContext") instanceof Map<?, ?> context
            && Boolean.TRUE.equals(context.get("privileged"))) {
          blast.add("privileged container " + container.get("name"));
        }
      }
      for (String host : List.of("hostPID", "hostIPC", "hostNetwork")) {
        if (Boolean.TRUE.equals(spec.get(host))) {
          blast.add(host);
        }
      }
      if (spec.get("volumes") instanceof List<?> volumes) {
        for (Object volume : volumes) {
          if (volume instanceof Map<?, ?> v && v.get("hostPath") instanceof Map<?, ?> hostPath) {
            blast.add("hostPath " + hostPath.get("path"));
          }
        }
      }
      if (!Boolean.FALSE.equals(spec.get("automountServiceAccountToken"))) {
        Set<String> rights = new LinkedHashSet<>();
        for (Grant grant : RbacChecks.riskyGrants(graph, workload)) {
          grant.capabilities().stream()
              .filter(c -> c != Capability.WILDCARD)
              .forEach(c -> rights.add(c.label()));
        }
        if (!rights.isEmpty()) {
          blast.add(
              "service account "
                  + workload.namespace()
                  + "/"
                  + RbacChecks.serviceAccount(workload)
                  + " can "
                  + String.join(", ", rights));
        }
      }
      Exposure exposure = new Exposure(!via.isEmpty(), List.copyOf(via), blast);
      if (!exposure.isEmpty()) {
        result.put(workload.ref(), exposure);
      }
    }
    return result;
  }

  /** A Service with a selector, and the ways in it opens to the pods it selects. */
  private record SelectingService(Map<?, ?> selector, List<String> ways) {}

  private static List<SelectingService> selectingServices(ObjectIndex index, String namespace) {
    List<IndexedObject> ingresses = index.inNamespace("Ingress", namespace);
    List<SelectingService> out = new ArrayList<>();
    for (IndexedObject service : index.inNamespace("Service", namespace)) {
      if (!(service.at("spec.selector") instanceof Map<?, ?> selector) || selector.isEmpty()) {
        continue;
      }
      List<String> ways = new ArrayList<>();
      Object type = service.at("spec.type");
      if ("LoadBalancer".equals(type) || "NodePort".equals(type)) {
        ways.add(service.ref().display() + " (" + type + ")");
      }
      for (IndexedObject ingress : ingresses) {
        if (routesTo(ingress, service.name())) {
          ways.add(ingress.ref().display() + " -> Service " + service.name());
        }
      }
      out.add(new SelectingService(selector, ways));
    }
    return out;
  }

  private static boolean routesTo(IndexedObject ingress, String service) {
    if (service.equals(ingress.at("spec.defaultBackend.service.name"))) {
      return true;
    }
    if (ingress.at("spec.rules") instanceof List<?> rules) {
      for (Object rule : rules) {
        Object paths = io.kubeattest.engine.tree.FieldPath.parse("http.paths").lookup(rule);
        if (paths instanceof List<?> list) {
          for (Object path : list) {
            Object name =
                io.kubeattest.engine.tree.FieldPath.parse("backend.service.name").lookup(path);
            if (service.equals(name)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
