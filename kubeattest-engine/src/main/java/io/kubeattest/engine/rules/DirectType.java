package io.kubeattest.engine.rules;

import dev.cel.common.values.NullValue;
import io.kubeattest.engine.rules.DirectProgram.Defer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The CEL types of the direct path's values, as {@code type(x)} returns them and as the type names
 * ({@code string}, {@code int}, ...) denote them, so that {@code type(x) == string} works.
 */
enum DirectType {
  BOOL("bool"),
  INT("int"),
  DOUBLE("double"),
  STRING("string"),
  LIST("list"),
  MAP("map"),
  NULL("null_type");

  private final String celName;

  DirectType(String celName) {
    this.celName = celName;
  }

  /** The type a CEL identifier names, or null when it names none of these. */
  static @Nullable DirectType named(String name) {
    for (DirectType type : values()) {
      if (type.celName.equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** {@code type(value)}. */
  static DirectType of(Object value) {
    if (value instanceof Boolean) {
      return BOOL;
    }
    if (value instanceof Long) {
      return INT;
    }
    if (value instanceof Double) {
      return DOUBLE;
    }
    if (value instanceof String) {
      return STRING;
    }
    if (value instanceof List<?>) {
      return LIST;
    }
    if (value instanceof Map<?, ?>) {
      return MAP;
    }
    if (value instanceof NullValue) {
      return NULL;
    }
    throw Defer.INSTANCE;
  }
}
