package io.kubeattest.engine.rules;

import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts JSON-like trees into the values CEL evaluates: a map entry whose value is null is left
 * out (Kubernetes treats {@code securityContext:} with nothing after it as unset, so {@code has()}
 * and {@code ?.} must too), a null elsewhere becomes CEL's null, integers become longs, everything
 * else stays as it is.
 */
public final class CelValues {
  private CelValues() {}

  /** Converts every variable of an activation. */
  public static Map<String, Object> activation(Map<String, ? extends @Nullable Object> variables) {
    return new Memo().activation(variables);
  }

  /**
   * Converts many activations that share sub-trees (the subjects of one object all hold the same
   * object tree) converting each shared map or list once. Not thread-safe; use one per object.
   */
  public static final class Memo {
    private final java.util.IdentityHashMap<Object, Object> done =
        new java.util.IdentityHashMap<>();

    /** Converts every variable of an activation, reusing what this memo converted before. */
    public Map<String, Object> activation(Map<String, ? extends @Nullable Object> variables) {
      Map<String, Object> out = new LinkedHashMap<>();
      variables.forEach((name, value) -> out.put(name, convert(value)));
      return out;
    }

    private Object convert(@Nullable Object value) {
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        Object cached = done.get(value);
        if (cached != null) {
          return cached;
        }
        Object converted;
        if (value instanceof Map<?, ?> map) {
          Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
          map.forEach(
              (k, v) -> {
                if (v != null) {
                  out.put(String.valueOf(k), convert(v));
                }
              });
          converted = out;
        } else {
          List<?> list = (List<?>) value;
          List<Object> out = new ArrayList<>(list.size());
          list.forEach(v -> out.add(convert(v)));
          converted = out;
        }
        done.put(value, converted);
        return converted;
      }
      return CelValues.convert(value);
    }
  }

  /** Converts one JSON-like value. */
  public static Object convert(@Nullable Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      map.forEach(
          (k, v) -> {
            if (v != null) {
              out.put(String.valueOf(k), convert(v));
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(convert(v)));
      return out;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }
}
