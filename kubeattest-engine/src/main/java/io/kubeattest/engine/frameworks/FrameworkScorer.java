package io.kubeattest.engine.frameworks;

import io.kubeattest.engine.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns findings into control verdicts. A control with rules is FAILED when any of their findings
 * failed or erred, else MANUAL when one answered WARN, else PASSED when one passed, else
 * NOT_EVALUATED; a control without rules is MANUAL when the framework says so, else NOT_EVALUATED.
 * Stateless and thread-safe.
 */
public final class FrameworkScorer {

  /** Scores the framework of {@code coverage} over {@code findings}. */
  public FrameworkScore score(FrameworkCoverage coverage, List<Finding> findings) {
    Map<String, List<Finding>> byRule = new HashMap<>();
    findings.forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
    Framework framework = coverage.framework();
    List<SectionScore> sections = new ArrayList<>();
    List<ControlResult> all = new ArrayList<>();
    for (Section section : framework.sections()) {
      List<ControlResult> results = new ArrayList<>();
      for (Control control : framework.controlsOf(section)) {
        results.add(result(coverage, control, byRule));
      }
      all.addAll(results);
      sections.add(new SectionScore(section, results, Tally.of(results)));
    }
    return new FrameworkScore(framework, coverage, sections, Tally.of(all));
  }

  private static ControlResult result(
      FrameworkCoverage coverage, Control control, Map<String, List<Finding>> byRule) {
    List<String> rules = coverage.rulesFor(control);
    int passed = 0;
    int failed = 0;
    boolean warned = false;
    for (String rule : rules) {
      for (Finding finding : byRule.getOrDefault(rule, List.of())) {
        switch (finding.status()) {
          case PASS -> passed++;
          case FAIL, ERROR -> failed++;
          case WARN, EXEMPT -> warned = true;
          case INFO, SKIP -> {}
        }
      }
    }
    ControlStatus status;
    if (failed > 0) {
      status = ControlStatus.FAILED;
    } else if (warned || (rules.isEmpty() && control.manual())) {
      status = ControlStatus.MANUAL;
    } else if (passed > 0) {
      status = ControlStatus.PASSED;
    } else {
      status = ControlStatus.NOT_EVALUATED;
    }
    return new ControlResult(control, coverage.kindOf(control), rules, status, passed, failed);
  }
}
