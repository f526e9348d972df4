package io.kubeattest.engine.tree;

import io.kubeattest.engine.model.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * One document of a YAML or JSON stream: its JSON-like root (maps, lists, String, Long, Double,
 * Boolean, null), its 0-based index in the stream, where it starts, and where each field is.
 */
public record YamlDocument(
    @Nullable Object root, int index, SourceLocation start, Positions positions) {}
