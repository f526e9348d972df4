package io.kubeattest.engine.model;

import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.Positions;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing under evaluation. Its facts are the variables rules read ({@code object}, {@code
 * podSpec}, {@code container}, ...), each a JSON-like value. {@code roots} says where each variable
 * sits in the object (several candidates for a merged view such as the effective security context,
 * first match wins), so evidence can name the exact field and its line.
 *
 * @param location where the object starts in its file, null when it did not come from a file
 * @param positions positions of the object's fields, relative to the object root
 */
public record Subject(
    SubjectRef ref,
    Map<String, @Nullable Object> variables,
    Map<String, List<FieldPath>> roots,
    @Nullable SourceLocation location,
    Positions positions) {
  public Subject {
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    roots = Map.copyOf(roots);
  }

  public SubjectKind kind() {
    return ref.kind();
  }

  /** The object's whole tree; for a node subject, its facts tree ({@code node}). */
  public @Nullable Object objectTree() {
    Object object = variables.get("object");
    return object != null || kind() != SubjectKind.NODE ? object : variables.get("node");
  }
}
