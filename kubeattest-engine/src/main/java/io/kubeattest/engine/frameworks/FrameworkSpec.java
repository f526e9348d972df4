package io.kubeattest.engine.frameworks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a framework file, as written in {@code kubeattest/frameworks/*.yaml}.
 *
 * <pre>
 * apiVersion: kubeattest.io/v1alpha1
 * kind: Framework
 * id: cis-kubernetes-1.12
 * sections: [{id: "1.1", title: ...}]
 * controls: [{id: "1.1.1", title: ..., section: "1.1", rules: [...], manual: true, procedure: ...}]
 * </pre>
 */
record FrameworkSpec(
    @Nullable String apiVersion,
    @Nullable String kind,
    @Nullable String id,
    @Nullable String title,
    @Nullable String version,
    @Nullable String description,
    @Nullable String scope,
    @Nullable EvidenceFromSpec evidenceFrom,
    @Nullable Map<String, String> baselines,
    @Nullable List<SectionSpec> sections,
    @Nullable List<ControlSpec> controls) {

  static final String API_VERSION = "kubeattest.io/v1alpha1";
  static final String KIND = "Framework";

  record SectionSpec(@Nullable String id, @Nullable String title) {}

  record EvidenceFromSpec(@Nullable String equivalents, @Nullable List<String> prefixes) {}

  record ControlSpec(
      @Nullable String id,
      @Nullable String title,
      @Nullable String section,
      @Nullable List<String> rules,
      @Nullable Boolean manual,
      @Nullable String procedure,
      @Nullable List<String> baselines) {}
}
