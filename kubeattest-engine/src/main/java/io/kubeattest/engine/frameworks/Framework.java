package io.kubeattest.engine.frameworks;

import io.kubeattest.engine.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A versioned set of controls, grouped in sections.
 *
 * @param id the key rules use in their {@code frameworks:} map, e.g. {@code cis-kubernetes-1.12}
 * @param scope one paragraph on what the framework covers and what it leaves out
 * @param equivalentsKey when set, rules also evidence a control through their {@code equivalents}
 *     entry of this tool (e.g. {@code pss}), written as one of {@code equivalentsPrefixes} plus the
 *     control id
 * @param baselines baseline id to title (e.g. FedRAMP), empty for most frameworks
 * @param source where the framework file starts
 */
public record Framework(
    String id,
    String title,
    String version,
    String description,
    String scope,
    @Nullable String equivalentsKey,
    List<String> equivalentsPrefixes,
    Map<String, String> baselines,
    List<Section> sections,
    List<Control> controls,
    SourceLocation source) {
  public Framework {
    equivalentsPrefixes = List.copyOf(equivalentsPrefixes);
    baselines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baselines));
    sections = List.copyOf(sections);
    controls = List.copyOf(controls);
  }

  /** The control with this id, if the framework defines it. */
  public Optional<Control> control(String controlId) {
    return controls.stream().filter(c -> c.id().equals(controlId)).findFirst();
  }

  /** The controls of one section, in file order. */
  public List<Control> controlsOf(Section section) {
    return controls.stream().filter(c -> c.section().equals(section.id())).toList();
  }

  /** True for the CIS benchmarks, whose reports also count PASS/FAIL/WARN/INFO. */
  public boolean isCis() {
    return id.startsWith("cis-");
  }
}
