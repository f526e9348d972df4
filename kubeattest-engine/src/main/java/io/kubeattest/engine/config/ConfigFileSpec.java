package io.kubeattest.engine.config;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The shape of {@code kubeattest.yaml}, as users write it (see docs/config.md). */
record ConfigFileSpec(
    @Nullable String apiVersion,
    @Nullable String kind,
    @Nullable RulesSpec rules,
    @Nullable Map<String, Object> settings,
    @Nullable List<WorkloadSpec> workloads,
    @Nullable List<ExemptionSpec> exemptions,
    @Nullable Boolean annotationExemptions) {

  static final String API_VERSION = "kubeattest.io/v1alpha1";
  static final String KIND = "Config";

  record RulesSpec(
      @Nullable List<String> disable,
      @Nullable List<String> enable,
      @Nullable Map<String, String> severity,
      @Nullable Map<String, Map<String, Object>> params) {}

  record WorkloadSpec(
      @Nullable String apiVersion, @Nullable String kind, @Nullable String podTemplate) {}

  record ExemptionSpec(
      @Nullable String rule,
      @Nullable String namespace,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String reason,
      @Nullable String expires) {}
}
