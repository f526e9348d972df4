package io.kubeattest.engine.scan;

import io.kubeattest.engine.model.Evidence;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.rules.CelProgram;
import io.kubeattest.engine.rules.CelValues;
import io.kubeattest.engine.rules.CompiledRule;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.tree.FieldPath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the catalogue's rules on one subject at a time. A rule that does not apply yields no
 * finding; a rule whose expression fails on this subject yields an ERROR finding for this subject
 * only. Thread-safe.
 */
public final class RuleEvaluator {
  private final Map<SubjectKind, List<CompiledRule>> byKind = new EnumMap<>(SubjectKind.class);
  private final Map<String, Object> params;
  private final Object settings;

  /** An evaluator with no rule parameters and default settings. */
  public RuleEvaluator(RuleCatalogue catalogue) {
    this(catalogue, Map.of(), Map.of());
  }

  /**
   * @param params rule id to that rule's parameters (a JSON-like map), visible as {@code params}
   * @param settings run-wide settings every rule sees as {@code settings} (for example {@code
   *     pssVersion})
   */
  public RuleEvaluator(
      RuleCatalogue catalogue,
      Map<String, Map<String, Object>> params,
      Map<String, Object> settings) {
    this.settings = CelValues.convert(settings);
    for (SubjectKind kind : SubjectKind.values()) {
      byKind.put(
          kind,
          catalogue.rules().stream()
              .filter(r -> r.rule().subjectKind() == kind && !r.isJava())
              .toList());
    }
    Map<String, Object> converted = new java.util.HashMap<>();
    params.forEach((id, value) -> converted.put(id, CelValues.convert(value)));
    this.params = Map.copyOf(converted);
  }

  /** The findings of every applicable rule on {@code subject}, in rule id order. */
  public List<Finding> evaluate(Subject subject) {
    return evaluate(subject, new CelValues.Memo());
  }

  /**
   * The findings of every applicable rule on each of {@code subjects} (the subjects of one object),
   * converting the object's tree for CEL once.
   */
  public List<Finding> evaluateAll(List<Subject> subjects) {
    CelValues.Memo memo = new CelValues.Memo();
    List<Finding> findings = new ArrayList<>();
    for (Subject subject : subjects) {
      findings.addAll(evaluate(subject, memo));
    }
    return findings;
  }

  private List<Finding> evaluate(Subject subject, CelValues.Memo memo) {
    List<CompiledRule> rules = byKind.getOrDefault(subject.kind(), List.of());
    if (rules.isEmpty()) {
      return List.of();
    }
    Map<String, Object> activation = memo.activation(subject.variables());
    String kind = subject.ref().object().kind();
    Object containerType = subject.variables().get("containerType");
    List<Finding> findings = new ArrayList<>();
    for (CompiledRule rule : rules) {
      if (!rule.kinds().isEmpty() && !rule.kinds().contains(kind)) {
        continue;
      }
      if (!rule.containerTypes().isEmpty() && !rule.containerTypes().contains(containerType)) {
        continue;
      }
      activation.put("params", params.getOrDefault(rule.rule().id(), Map.of()));
      activation.put("settings", settings);
      Finding finding = evaluate(rule, subject, activation);
      if (finding != null) {
        findings.add(finding);
      }
    }
    return findings;
  }

  private @Nullable Finding evaluate(
      CompiledRule rule, Subject subject, Map<String, Object> activation) {
    try {
      if (rule.match() != null && !truth(rule.match(), activation)) {
        return null;
      }
      if (rule.skip() != null) {
        Object reason = rule.skip().evaluate(activation);
        if (!(reason instanceof String text)) {
          throw new CelProgram.EvaluationException(
              "skip returned " + reason + ", expected a string");
        }
        if (!text.isEmpty()) {
          return Finding.of(rule.rule(), Status.SKIP, text, subject.ref(), evidence(rule, subject));
        }
      }
      if (rule.validate() == null) {
        return Finding.of(
            rule.rule(),
            Status.WARN,
            "manual check: " + rule.rule().title(),
            subject.ref(),
            evidence(rule, subject));
      }
      boolean passed = truth(java.util.Objects.requireNonNull(rule.validate()), activation);
      Status status = passed ? Status.PASS : rule.failStatus();
      String message = passed ? "" : rule.rule().title();
      if (!passed && rule.message() != null) {
        Object text = rule.message().evaluate(activation);
        message = text instanceof String s ? s : String.valueOf(text);
      }
      return Finding.of(rule.rule(), status, message, subject.ref(), evidence(rule, subject));
    } catch (CelProgram.EvaluationException e) {
      return Finding.of(
          rule.rule(),
          Status.ERROR,
          "evaluation failed: " + e.getMessage(),
          subject.ref(),
          evidence(rule, subject));
    }
  }

  private static boolean truth(CelProgram program, Map<String, Object> activation) {
    Object result = program.evaluate(activation);
    if (result instanceof Boolean b) {
      return b;
    }
    throw new CelProgram.EvaluationException(
        "expression returned " + result + ", expected true or false");
  }

  /** The first evidence pattern that matches, or where the field should have been. */
  static Evidence evidence(CompiledRule rule, Subject subject) {
    Object tree = subject.objectTree();
    for (CompiledRule.EvidencePattern pattern : rule.evidence()) {
      for (FieldPath root : subject.roots().getOrDefault(pattern.variable(), List.of())) {
        List<FieldPath> matches = root.resolve(pattern.path()).expand(tree);
        if (!matches.isEmpty()) {
          FieldPath found = matches.get(0);
          return new Evidence(found.toString(), found.lookup(tree), true, locate(subject, found));
        }
      }
    }
    FieldPath expected = expectedPath(rule, subject);
    return new Evidence(expected.toString(), null, false, locate(subject, expected));
  }

  private static FieldPath expectedPath(CompiledRule rule, Subject subject) {
    if (!rule.evidence().isEmpty()) {
      CompiledRule.EvidencePattern first = rule.evidence().get(0);
      List<FieldPath> roots = subject.roots().getOrDefault(first.variable(), List.of());
      if (!roots.isEmpty()) {
        return concretePrefix(roots.get(0).resolve(first.path()));
      }
    }
    for (String variable : new String[] {"container", "podSpec", "object"}) {
      List<FieldPath> roots = subject.roots().get(variable);
      if (roots != null && !roots.isEmpty()) {
        return roots.get(0);
      }
    }
    return FieldPath.root();
  }

  private static FieldPath concretePrefix(FieldPath pattern) {
    FieldPath out = FieldPath.root();
    for (FieldPath.Segment segment : pattern.segments()) {
      if (segment instanceof FieldPath.AnyIndex) {
        break;
      }
      out =
          segment instanceof FieldPath.Key k
              ? out.key(k.name())
              : out.index(((FieldPath.Index) segment).position());
    }
    return out;
  }

  private static @Nullable SourceLocation locate(Subject subject, FieldPath path) {
    SourceLocation location = subject.positions().locateNearest(path);
    return location != null ? location : subject.location();
  }
}
