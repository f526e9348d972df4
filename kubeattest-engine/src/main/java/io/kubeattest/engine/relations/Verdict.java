package io.kubeattest.engine.relations;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a cross-object check on one object.
 *
 * @param subject the object judged
 * @param path the field the verdict is about, relative to the object; null for the object itself
 */
record Verdict(IndexedObject subject, boolean passed, String message, @Nullable String path) {
  static Verdict pass(IndexedObject subject, @Nullable String path) {
    return new Verdict(subject, true, "", path);
  }

  static Verdict fail(IndexedObject subject, String message, @Nullable String path) {
    return new Verdict(subject, false, message, path);
  }
}
