package io.kubeattest.engine.frameworks;

import io.kubeattest.engine.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules of a catalogue evidence which controls of one framework, and the gap analysis that
 * follows: rules outside the framework's scope, controls without automated evidence, and control
 * ids that rules name but the framework does not define.
 *
 * <p>A rule evidences a control when the framework file lists the rule under the control's {@code
 * rules:}, when the rule's own {@code frameworks:} map names the control under the framework's id,
 * or through the framework's {@code evidenceFrom} equivalents key.
 */
public final class FrameworkCoverage {
  private final Framework framework;
  private final Map<String, List<String>> rulesByControl;
  private final List<String> outOfScope;
  private final List<String> undefinedControls;
  private final List<String> missingRules;
  private final Set<String> manualRules;

  private FrameworkCoverage(
      Framework framework,
      Map<String, List<String>> rulesByControl,
      List<String> outOfScope,
      List<String> undefinedControls,
      List<String> missingRules,
      Set<String> manualRules) {
    this.manualRules = manualRules;
    this.framework = framework;
    this.rulesByControl = rulesByControl;
    this.outOfScope = outOfScope;
    this.undefinedControls = undefinedControls;
    this.missingRules = missingRules;
  }

  /** Computes the coverage of {@code framework} by {@code rules}. */
  public static FrameworkCoverage of(Framework framework, List<Rule> rules) {
    Map<String, Set<String>> byControl = new LinkedHashMap<>();
    framework.controls().forEach(c -> byControl.put(c.id(), new LinkedHashSet<>()));
    Set<String> ruleIds = new LinkedHashSet<>();
    rules.forEach(r -> ruleIds.add(r.id()));
    List<String> missingRules = new ArrayList<>();
    for (Control control : framework.controls()) {
      for (String ruleId : control.rules()) {
        if (ruleIds.contains(ruleId)) {
          byControl.computeIfAbsent(control.id(), k -> new LinkedHashSet<>()).add(ruleId);
        } else {
          missingRules.add(control.id() + " -> " + ruleId);
        }
      }
    }
    List<String> undefined = new ArrayList<>();
    for (Rule rule : rules) {
      for (String controlId : claimedControls(framework, rule)) {
        Set<String> evidence = byControl.get(controlId);
        if (evidence == null) {
          undefined.add(rule.id() + " -> " + controlId);
        } else {
          evidence.add(rule.id());
        }
      }
    }
    Set<String> inScope = new LinkedHashSet<>();
    byControl.values().forEach(inScope::addAll);
    List<String> outOfScope =
        rules.stream().map(Rule::id).filter(id -> !inScope.contains(id)).sorted().toList();
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    byControl.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new FrameworkCoverage(
        framework,
        java.util.Collections.unmodifiableMap(frozen),
        outOfScope,
        List.copyOf(undefined),
        List.copyOf(missingRules),
        rules.stream()
            .filter(Rule::manual)
            .map(Rule::id)
            .collect(java.util.stream.Collectors.toSet()));
  }

  private static List<String> claimedControls(Framework framework, Rule rule) {
    List<String> claimed =
        new ArrayList<>(rule.frameworks().getOrDefault(framework.id(), List.of()));
    // A CIS benchmark check (attributes benchmark: cis-1.12, id: 1.2.1) evidences the control of
    // the same id in the framework cis-kubernetes-1.12.
    String benchmark = rule.attributes().get("benchmark");
    String checkId = rule.attributes().get("id");
    if (benchmark != null
        && checkId != null
        && framework.id().equals(benchmark.replace("cis-", "cis-kubernetes-"))) {
      claimed.add(checkId);
    }
    String key = framework.equivalentsKey();
    if (key != null) {
      for (String entry : rule.equivalents().getOrDefault(key, List.of())) {
        for (String prefix : framework.equivalentsPrefixes()) {
          if (entry.startsWith(prefix)) {
            claimed.add(entry.substring(prefix.length()));
          }
        }
      }
    }
    return claimed;
  }

  public Framework framework() {
    return framework;
  }

  /** The rules that evidence {@code control}, in catalogue order; empty when none. */
  public List<String> rulesFor(Control control) {
    return rulesByControl.getOrDefault(control.id(), List.of());
  }

  /**
   * Whether rules, a person, or nothing evidence {@code control}. Rules that are themselves manual
   * (a benchmark's manual checks) make the control manual, not automated.
   */
  public EvidenceKind kindOf(Control control) {
    List<String> rules = rulesFor(control);
    if (rules.stream().anyMatch(r -> !manualRules.contains(r))) {
      return EvidenceKind.AUTOMATED;
    }
    return control.manual() || !rules.isEmpty() ? EvidenceKind.MANUAL : EvidenceKind.NOT_COVERED;
  }

  /** Every rule id that evidences some control of the framework. */
  public Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    rulesByControl.values().forEach(ids::addAll);
    return ids;
  }

  /** Rules of the catalogue that evidence no control of this framework, sorted by id. */
  public List<String> outOfScopeRules() {
    return outOfScope;
  }

  /** Controls no rule evidences (manual or not covered), in file order. */
  public List<Control> controlsWithoutAutomatedEvidence() {
    return framework.controls().stream().filter(c -> kindOf(c) != EvidenceKind.AUTOMATED).toList();
  }

  /** {@code rule -> control} pairs where a rule names a control the framework does not define. */
  public List<String> undefinedControls() {
    return undefinedControls;
  }

  /** {@code control -> rule} pairs where the framework file names a rule the catalogue lacks. */
  public List<String> missingRules() {
    return missingRules;
  }
}
