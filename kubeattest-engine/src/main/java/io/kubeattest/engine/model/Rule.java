package io.kubeattest.engine.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rule's identity and documentation, as a user reads it. How the rule is evaluated lives in the
 * rules package; this record is what reports and {@code rules explain} show.
 *
 * @param id kebab-case, stable forever
 * @param frameworks framework id to the control ids this rule evidences
 * @param equivalents peer tool (polaris, kube-score, kubescape, trivy, kube-linter, pss) to that
 *     tool's ids for the same check
 * @param attributes free-form facts about the rule that some reports need, such as a benchmark
 *     check's {@code benchmark.id}, {@code benchmark.target} or {@code benchmark.automated}
 * @param manual true when no expression can decide the rule: a person follows the remediation as
 *     the audit procedure, and the finding is WARN
 * @param source the rule file and line it was defined at
 */
public record Rule(
    String id,
    String title,
    Severity severity,
    SubjectKind subjectKind,
    String description,
    String remediation,
    List<String> references,
    Map<String, List<String>> frameworks,
    Map<String, List<String>> equivalents,
    Map<String, String> attributes,
    boolean manual,
    SourceLocation source) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Rule {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' is not kebab-case");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " has no title");
    }
    references = List.copyOf(references);
    frameworks = copy(frameworks);
    equivalents = copy(equivalents);
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  /** The same rule with another severity (a user's override). */
  public Rule withSeverity(Severity newSeverity) {
    return new Rule(
        id,
        title,
        newSeverity,
        subjectKind,
        description,
        remediation,
        references,
        frameworks,
        equivalents,
        attributes,
        manual,
        source);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    var copy = new java.util.LinkedHashMap<String, List<String>>();
    map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
