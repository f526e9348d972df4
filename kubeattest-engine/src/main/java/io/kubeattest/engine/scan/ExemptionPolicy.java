package io.kubeattest.engine.scan;

import io.kubeattest.engine.config.Exemption;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns failing findings that an exemption covers into {@link Status#EXEMPT}, with the reason and
 * where the exemption was written. Exemptions come from the configuration file and, unless a policy
 * owner switched them off, from the object's own annotations: {@code kubeattest.io/exempt:
 * "rule-a,rule-b"} (or {@code "*"}) with {@code kubeattest.io/exempt-reason}, and the annotations
 * of Polaris ({@code polaris.fairwinds.com/exempt}, {@code polaris.fairwinds.com/<check>-exempt})
 * and kube-score ({@code kube-score/ignore}), mapped through each rule's equivalents. An expired
 * configuration exemption no longer applies, and the finding says so. Thread-safe.
 */
public final class ExemptionPolicy {
  static final String EXEMPT = "kubeattest.io/exempt";
  static final String EXEMPT_REASON = "kubeattest.io/exempt-reason";
  private static final String POLARIS = "polaris.fairwinds.com/";
  private static final String KUBE_SCORE_IGNORE = "kube-score/ignore";

  /** No exemptions at all. */
  public static final ExemptionPolicy NONE =
      new ExemptionPolicy(List.of(), false, List.of(), LocalDate.MIN);

  private static final java.util.regex.Pattern COMMA = java.util.regex.Pattern.compile(",");

  private final List<Exemption> exemptions;
  private final boolean annotations;
  private final Map<String, Rule> rules;
  private final LocalDate today;

  /**
   * @param exemptions from the configuration file
   * @param annotations whether objects may exempt themselves
   * @param rules the catalogue's rules, for peers' ids
   * @param today the day expiry dates are compared with
   */
  public ExemptionPolicy(
      List<Exemption> exemptions, boolean annotations, List<Rule> rules, LocalDate today) {
    this.exemptions = List.copyOf(exemptions);
    this.annotations = annotations;
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    this.rules = Map.copyOf(byId);
    this.today = today;
  }

  /**
   * Applies exemptions to the findings of one object.
   *
   * @param objectAnnotations the annotations of the object and of its pod template, merged
   */
  public List<Finding> apply(List<Finding> findings, Map<String, String> objectAnnotations) {
    if (exemptions.isEmpty() && (!annotations || objectAnnotations.isEmpty())) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      out.add(
          finding.status() == Status.FAIL
                  || finding.status() == Status.WARN
                  || finding.status() == Status.ERROR
              ? decide(finding, objectAnnotations)
              : finding);
    }
    return out;
  }

  private Finding decide(Finding finding, Map<String, String> objectAnnotations) {
    if (annotations) {
      String reason = annotationReason(finding.ruleId(), objectAnnotations);
      if (reason != null) {
        return finding.with(Status.EXEMPT, "exempted: " + reason);
      }
    }
    Exemption expired = null;
    for (Exemption exemption : exemptions) {
      if (!exemption.covers(finding.ruleId(), finding.subject().object())) {
        continue;
      }
      if (exemption.expiredOn(today)) {
        expired = expired == null ? exemption : expired;
        continue;
      }
      return finding.with(
          Status.EXEMPT,
          "exempted: "
              + exemption.reason()
              + " ("
              + exemption.source()
              + ")"
              + (exemption.expires() == null ? "" : ", until " + exemption.expires()));
    }
    if (expired != null) {
      return finding.with(
          finding.status(),
          finding.message()
              + " [exemption at "
              + expired.source()
              + " expired on "
              + expired.expires()
              + "]");
    }
    return finding;
  }

  private @Nullable String annotationReason(String ruleId, Map<String, String> annotations) {
    String own = annotations.get(EXEMPT);
    if (own != null && listed(own, Set.of(ruleId))) {
      String reason = annotations.get(EXEMPT_REASON);
      return (reason == null || reason.isBlank() ? "no reason given" : reason)
          + " (annotation "
          + EXEMPT
          + ")";
    }
    Rule rule = rules.get(ruleId);
    if (rule == null) {
      return null;
    }
    List<String> polaris = rule.equivalents().getOrDefault("polaris", List.of());
    if ("true".equalsIgnoreCase(annotations.get(POLARIS + "exempt"))) {
      return "annotation " + POLARIS + "exempt";
    }
    for (String check : polaris) {
      if ("true".equalsIgnoreCase(annotations.get(POLARIS + check + "-exempt"))) {
        return "annotation " + POLARIS + check + "-exempt";
      }
    }
    String kubeScore = annotations.get(KUBE_SCORE_IGNORE);
    if (kubeScore != null
        && listed(
            kubeScore, Set.copyOf(rule.equivalents().getOrDefault("kube-score", List.of())))) {
      return "annotation " + KUBE_SCORE_IGNORE;
    }
    return null;
  }

  private static boolean listed(String commaList, Set<String> ids) {
    Set<String> names =
        COMMA
            .splitAsStream(commaList)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    return names.contains("*") || ids.stream().anyMatch(names::contains);
  }

  /** The annotations of an object's metadata and of its pod template's metadata, merged. */
  public static Map<String, String> annotationsOf(Map<String, ?> object, @Nullable Object podMeta) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (podMeta instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> merged.put(String.valueOf(k), String.valueOf(v)));
    }
    if (object.get("metadata") instanceof Map<?, ?> meta
        && meta.get("annotations") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> merged.put(String.valueOf(k), String.valueOf(v)));
    }
    return merged;
  }
}
