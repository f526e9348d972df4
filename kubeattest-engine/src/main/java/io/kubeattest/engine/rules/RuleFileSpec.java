package io.kubeattest.engine.rules;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a rule file, as users write it (JSON Schema: {@code docs/schema/rules.schema.json}).
 *
 * <pre>
 * apiVersion: kubeattest.io/v1alpha1
 * kind: RuleSet
 * metadata: {name: pod-security}
 * rules: [...]
 * </pre>
 */
record RuleFileSpec(
    @Nullable String apiVersion,
    @Nullable String kind,
    @Nullable Metadata metadata,
    @Nullable List<RuleSpec> rules) {

  static final String API_VERSION = "kubeattest.io/v1alpha1";
  static final String KIND = "RuleSet";

  record Metadata(@Nullable String name, @Nullable String description) {}

  /** One rule. Absent optional fields are null here and defaulted by the compiler. */
  record RuleSpec(
      @Nullable String id,
      @Nullable String title,
      @Nullable String severity,
      @Nullable String subject,
      @Nullable String description,
      @Nullable String remediation,
      @Nullable List<String> references,
      @Nullable Map<String, List<String>> frameworks,
      @Nullable Map<String, List<String>> equivalents,
      @Nullable MatchSpec match,
      @Nullable String validate,
      @Nullable String message,
      @Nullable List<String> evidence,
      @Nullable String failStatus,
      @Nullable Map<String, String> attributes,
      @Nullable Boolean manual,
      @Nullable String implementation,
      @Nullable String skip) {}

  /**
   * When a rule applies. All given conditions must hold; a rule that does not apply to a subject
   * yields no finding for it.
   */
  record MatchSpec(
      @Nullable List<String> kinds,
      @Nullable List<String> containerTypes,
      @Nullable String expression) {}
}
