package io.kubeattest.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * What a rule looked at: the field path in the object (for example {@code
 * spec.template.spec.containers[0].securityContext.privileged}), the value found there (null when
 * the field is absent, as a JSON-like value otherwise), whether the field was present, and where it
 * is in the source file when the subject came from a file.
 */
public record Evidence(
    String path, @Nullable Object value, boolean present, @Nullable SourceLocation location) {

  /** Evidence for a subject that has nothing more specific to show. */
  public static Evidence none(@Nullable SourceLocation location) {
    return new Evidence("", null, false, location);
  }
}
