package io.kubeattest.engine.relations;

import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.k8s.SubjectExtractor;
import io.kubeattest.engine.model.Evidence;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.rbac.Capability;
import io.kubeattest.engine.rules.CompiledRule;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.tree.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the catalogue's Java-implemented rules ({@code implementation: java}) over the index of a
 * scan's objects. Each rule id maps to one check; a catalogue naming a Java rule this evaluator
 * does not implement is refused at construction. Thread-safe once built.
 */
public final class CrossObjectEvaluator {
  private static final Map<String, BiFunction<ObjectIndex, Map<String, Object>, List<Verdict>>>
      CHECKS = checks();

  private final List<CompiledRule> rules;
  private final Map<String, Map<String, Object>> params;

  /**
   * @throws RuleException when a Java rule of the catalogue has no implementation here
   */
  public CrossObjectEvaluator(RuleCatalogue catalogue, Map<String, Map<String, Object>> params) {
    this.rules = catalogue.rules().stream().filter(CompiledRule::isJava).toList();
    for (CompiledRule rule : rules) {
      if (!CHECKS.containsKey(rule.rule().id())) {
        throw new RuleException(
            rule.rule().source()
                + ": rule "
                + rule.rule().id()
                + " says implementation: java, but kubeattest implements no such check");
      }
    }
    this.params = Map.copyOf(params);
  }

  /** The ids of every cross-object check kubeattest implements. */
  public static java.util.Set<String> implementedRules() {
    return CHECKS.keySet();
  }

  /** True when the catalogue holds at least one cross-object rule. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** A finding and the content of the object it judges (for its exemption annotations). */
  public record Judged(Finding finding, Map<String, ?> object) {}

  /** The findings of every cross-object rule over {@code index}, rule by rule. */
  public List<Judged> evaluate(ObjectIndex index) {
    List<Judged> findings = new ArrayList<>();
    for (CompiledRule rule : rules) {
      var check = CHECKS.get(rule.rule().id());
      if (check == null) {
        continue;
      }
      for (Verdict verdict : check.apply(index, params.getOrDefault(rule.rule().id(), Map.of()))) {
        findings.add(new Judged(finding(rule, verdict), verdict.subject().object().content()));
      }
    }
    return findings;
  }

  private static Finding finding(CompiledRule rule, Verdict verdict) {
    IndexedObject subject = verdict.subject();
    SourceLocation origin = subject.object().location();
    SubjectRef ref =
        new SubjectRef(
            rule.rule().subjectKind(),
            SubjectExtractor.objectId(subject.ref()),
            subject.ref(),
            null,
            origin);
    Evidence evidence;
    if (verdict.path() == null) {
      evidence = Evidence.none(origin);
    } else {
      FieldPath path = FieldPath.parse(verdict.path());
      Object tree = subject.object().content();
      SourceLocation location = subject.object().positions().locateNearest(path);
      evidence =
          new Evidence(
              path.toString(),
              path.lookup(tree),
              path.existsIn(tree),
              location != null ? location : origin);
    }
    return Finding.of(
        rule.rule(),
        verdict.passed() ? Status.PASS : rule.failStatus(),
        verdict.passed() ? "" : verdict.message(),
        ref,
        evidence);
  }

  private static Map<String, BiFunction<ObjectIndex, Map<String, Object>, List<Verdict>>> checks() {
    Map<String, BiFunction<ObjectIndex, Map<String, Object>, List<Verdict>>> checks =
        new LinkedHashMap<>();
    checks.put("service-targets-pods", NetworkChecks::serviceTargetsPods);
    checks.put("ingress-targets-service", NetworkChecks::ingressTargetsService);
    checks.put("statefulset-headless-service", NetworkChecks::statefulSetHeadlessService);
    checks.put("pod-network-policy", NetworkChecks::podNetworkPolicy);
    checks.put("namespace-network-policy", NetworkChecks::namespaceNetworkPolicy);
    checks.put("networkpolicy-targets-pods", NetworkChecks::networkPolicyTargetsPods);
    checks.put("workload-pdb-exists", WorkloadChecks::pdbExists);
    checks.put("pdb-allows-disruption", WorkloadChecks::pdbAllowsDisruption);
    checks.put("pdb-min-available-vs-hpa", WorkloadChecks::pdbMinAvailableVsHpa);
    checks.put("hpa-target-exists", WorkloadChecks::hpaTargetExists);
    checks.put("deployment-hpa-no-replicas", WorkloadChecks::deploymentHpaNoReplicas);
    checks.put("pod-nonexistent-service-account", WorkloadChecks::serviceAccountExists);
    checks.put("container-env-ref-missing", WorkloadChecks::envReferencesExist);
    checks.put("rbac-cluster-admin-binding", RbacChecks::clusterAdminBinding);
    checks.put("rbac-default-service-account-binding", RbacChecks::defaultServiceAccountBinding);
    checks.put("rbac-wildcard", RbacChecks.roles(Capability.WILDCARD, Capability.FULL_CONTROL));
    checks.put("rbac-bind-escalate-impersonate", RbacChecks.roles(Capability.ESCALATE));
    checks.put("rbac-pod-exec-attach", RbacChecks.roles(Capability.EXEC));
    checks.put("rbac-create-pods", RbacChecks.roles(Capability.CREATE_PODS));
    checks.put("rbac-secrets-access", RbacChecks.roles(Capability.READ_SECRETS));
    checks.put("rbac-webhook-config", RbacChecks.roles(Capability.WEBHOOKS));
    checks.put("rbac-node-proxy", RbacChecks.roles(Capability.NODE_PROXY));
    checks.put("workload-rbac-risk", RbacChecks::workloadRbacRisk);
    return Map.copyOf(checks);
  }
}
