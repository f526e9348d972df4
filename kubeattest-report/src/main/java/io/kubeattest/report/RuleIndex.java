package io.kubeattest.report;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rules a report describes: the catalogue's rules by id, and the ids of the rules that appear
 * in a result (a merged result may name rules the catalogue lacks; they are described by their
 * findings' titles).
 */
final class RuleIndex {
  private final Map<String, Rule> byId = new LinkedHashMap<>();

  RuleIndex(List<Rule> rules) {
    rules.forEach(r -> byId.put(r.id(), r));
  }

  Optional<Rule> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids of every rule with a finding in {@code result}, sorted. */
  static List<String> ruleIdsIn(ScanResult result) {
    TreeSet<String> ids = new TreeSet<>();
    result.findings().forEach(f -> ids.add(f.ruleId()));
    return List.copyOf(ids);
  }

  /** The title of a rule: the catalogue's, else the first finding's. */
  static String titleOf(String ruleId, ScanResult result) {
    return result.findings().stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .map(Finding::title)
        .findFirst()
        .orElse(ruleId);
  }
}
