package io.kubeattest.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * Identifies the subject of a finding: its kind, a stable id, the object it belongs to, and the
 * container name for container subjects, and where the object starts in its file (null when it did
 * not come from a file).
 */
public record SubjectRef(
    SubjectKind kind,
    String id,
    ObjectRef object,
    @Nullable String container,
    @Nullable SourceLocation origin) {}
