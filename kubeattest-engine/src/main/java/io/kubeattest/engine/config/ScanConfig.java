package io.kubeattest.engine.config;

import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.tree.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved configuration: what the rules, the evaluator and the exemption step need. {@link
 * #DEFAULT} is the configuration without a file.
 *
 * @param disabled rule ids that do not run
 * @param enabledOnly when not empty, only these rule ids run
 * @param severities rule id to the severity the user wants instead of the rule's own
 * @param params rule id to that rule's parameters
 * @param settings run-wide settings ({@code pssVersion}, ...)
 * @param podTemplates {@code group/Kind} of custom resources to the path of their pod template
 * @param exemptions exemptions in file order
 * @param annotationExemptions whether objects may exempt themselves through annotations
 */
public record ScanConfig(
    Set<String> disabled,
    Set<String> enabledOnly,
    Map<String, Severity> severities,
    Map<String, Map<String, Object>> params,
    Map<String, Object> settings,
    Map<String, FieldPath> podTemplates,
    List<Exemption> exemptions,
    boolean annotationExemptions) {

  public static final ScanConfig DEFAULT =
      new ScanConfig(Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), true);

  public ScanConfig {
    disabled = Set.copyOf(disabled);
    enabledOnly = Set.copyOf(enabledOnly);
    severities = Map.copyOf(severities);
    params = Map.copyOf(params);
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    podTemplates = Map.copyOf(podTemplates);
    exemptions = List.copyOf(exemptions);
  }

  /** This configuration with annotation exemptions switched off (a policy owner's choice). */
  public ScanConfig withoutAnnotationExemptions() {
    return new ScanConfig(
        disabled, enabledOnly, severities, params, settings, podTemplates, exemptions, false);
  }

  /** This configuration with one more run-wide setting (a command-line flag wins over the file). */
  public ScanConfig withSetting(String key, Object value) {
    Map<String, Object> more = new java.util.LinkedHashMap<>(settings);
    more.put(key, value);
    return new ScanConfig(
        disabled,
        enabledOnly,
        severities,
        params,
        more,
        podTemplates,
        exemptions,
        annotationExemptions);
  }
}
