package io.kubeattest.engine.rules;

import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.tree.FieldPath;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule ready to evaluate: its documentation, the compiled expressions, which objects and
 * containers it applies to, and where its evidence is.
 *
 * @param kinds object kinds the rule applies to; empty means all
 * @param containerTypes container, initContainer, ephemeralContainer; empty means all
 * @param match optional applicability expression (bool)
 * @param validate the check: true passes; null for a manual rule
 * @param message optional failure message (string)
 * @param evidence field patterns, each starting with a variable name ({@code container.ports[*]})
 * @param failStatus the status when validate is false: FAIL, or WARN for advisory rules
 * @param skip optional reason (string) to skip the subject: evaluated after match, a non-empty
 *     result gives a SKIP finding with that text (a file the check names does not exist)
 */
public record CompiledRule(
    Rule rule,
    Set<String> kinds,
    Set<String> containerTypes,
    @Nullable CelProgram match,
    @Nullable CelProgram validate,
    @Nullable CelProgram message,
    List<EvidencePattern> evidence,
    Status failStatus,
    @Nullable CelProgram skip) {
  public CompiledRule {
    kinds = Set.copyOf(kinds);
    containerTypes = Set.copyOf(containerTypes);
    evidence = List.copyOf(evidence);
  }

  /**
   * True for a rule implemented in Java over many objects ({@code implementation: java}); the
   * per-subject evaluator skips it.
   */
  public boolean isJava() {
    return "java".equals(rule.attributes().get("implementation"));
  }

  /** A rule without a skip expression. */
  public CompiledRule(
      Rule rule,
      Set<String> kinds,
      Set<String> containerTypes,
      @Nullable CelProgram match,
      @Nullable CelProgram validate,
      @Nullable CelProgram message,
      List<EvidencePattern> evidence,
      Status failStatus) {
    this(rule, kinds, containerTypes, match, validate, message, evidence, failStatus, null);
  }

  /** A field pattern relative to one of the subject's variables. */
  public record EvidencePattern(String variable, FieldPath path) {
    /**
     * Parses {@code variable.rest.of[*].path}.
     *
     * @throws IllegalArgumentException when the pattern is malformed
     */
    public static EvidencePattern parse(String text) {
      FieldPath full = FieldPath.parse(text);
      if (full.segments().isEmpty() || !(full.segments().get(0) instanceof FieldPath.Key key)) {
        throw new IllegalArgumentException(
            "evidence '" + text + "' must start with a variable name, e.g. container.image");
      }
      FieldPath rest = FieldPath.root();
      for (FieldPath.Segment segment : full.segments().subList(1, full.segments().size())) {
        rest = append(rest, segment);
      }
      return new EvidencePattern(key.name(), rest);
    }

    private static FieldPath append(FieldPath path, FieldPath.Segment segment) {
      if (segment instanceof FieldPath.Key k) {
        return path.key(k.name());
      }
      if (segment instanceof FieldPath.Index i) {
        return path.index(i.position());
      }
      return path.resolve(FieldPath.parse("[*]"));
    }
  }
}
