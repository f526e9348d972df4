package io.kubeattest.engine.rules;

import io.kubeattest.engine.rules.DirectProgram.Defer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CEL's semantics for the plain values of the direct path: type tests, equality, ordering. Each
 * method answers only where the answer is certain; anything else throws {@link Defer}.
 */
final class DirectValues {
  /** Doubles represent every long of at most this magnitude exactly. */
  private static final long EXACT_IN_DOUBLE = 1L << 53;

  private DirectValues() {}

  static Object present(@Nullable Object value) {
    if (value == null) {
      throw Defer.INSTANCE;
    }
    return value;
  }

  /** {@code value} as a {@code type}, or a deferral to CEL. */
  private static <T> T as(Class<T> type, Object value) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw Defer.INSTANCE;
  }

  static Map<?, ?> map(Object value) {
    return as(Map.class, value);
  }

  static List<?> list(Object value) {
    return as(List.class, value);
  }

  static String string(Object value) {
    return as(String.class, value);
  }

  static long integer(Object value) {
    return as(Long.class, value);
  }

  static boolean bool(Object value) {
    return as(Boolean.class, value);
  }

  static Optional<?> optional(Object value) {
    return as(Optional.class, value);
  }

  static Quantity quantity(Object value) {
    return as(Quantity.class, value);
  }

  /** What a comprehension iterates: a list's elements or a map's keys. */
  static Iterable<?> iterable(Object range) {
    if (range instanceof List<?> list) {
      return list;
    }
    if (range instanceof Map<?, ?> map) {
      return map.keySet();
    }
    throw Defer.INSTANCE;
  }

  /** {@code operand.?field}: on a map, or on an optional map. */
  static Optional<?> optionalField(Object operand, String field) {
    if (operand instanceof Optional<?> optional) {
      return optional.isEmpty() ? optional : optionalField(optional.get(), field);
    }
    return Optional.ofNullable(map(operand).get(field));
  }

  /**
   * CEL's {@code ==}: values of different kinds are unequal, an int and a double compare as numbers
   * ({@code 1 == 1.0}), lists and maps compare element by element.
   */
  static boolean equal(Object a, Object b) {
    if (a instanceof DirectType || b instanceof DirectType) {
      if (a instanceof DirectType && b instanceof DirectType) {
        return a == b;
      }
      throw Defer.INSTANCE;
    }
    DirectType left = DirectType.of(a);
    DirectType right = DirectType.of(b);
    boolean numbers =
        (left == DirectType.INT || left == DirectType.DOUBLE)
            && (right == DirectType.INT || right == DirectType.DOUBLE);
    if (numbers) {
      if (a instanceof Long x && b instanceof Long y) {
        return x.longValue() == y.longValue();
      }
      return asDouble(a) == asDouble(b);
    }
    if (left != right) {
      return false;
    }
    return switch (left) {
      case LIST -> equalLists((List<?>) a, (List<?>) b);
      case MAP -> equalMaps((Map<?, ?>) a, (Map<?, ?>) b);
      default -> a.equals(b);
    };
  }

  private static boolean equalLists(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalMaps(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<?, ?> entry : a.entrySet()) {
      Object other = b.get(entry.getKey());
      if (other == null || !equal(entry.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /** CEL's ordering of two numbers, two strings (by code point) or two booleans. */
  static int compare(Object a, Object b) {
    if (a instanceof String left && b instanceof String right) {
      return compareCodePoints(left, right);
    }
    if (a instanceof Boolean left && b instanceof Boolean right) {
      return Boolean.compare(left, right);
    }
    return compareNumbers(a, b);
  }

  private static int compareNumbers(Object a, Object b) {
    if (a instanceof Long left && b instanceof Long right) {
      return Long.compare(left, right);
    }
    double left = asDouble(a);
    double right = asDouble(b);
    if (Double.isNaN(left) || Double.isNaN(right)) {
      throw Defer.INSTANCE;
    }
    return Double.compare(left == 0.0 ? 0.0 : left, right == 0.0 ? 0.0 : right);
  }

  private static double asDouble(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Long l && Math.abs(l) <= EXACT_IN_DOUBLE) {
      return l;
    }
    throw Defer.INSTANCE;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** True when every character of {@code text} is one code point (no surrogate pairs). */
  static boolean basicPlane(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
