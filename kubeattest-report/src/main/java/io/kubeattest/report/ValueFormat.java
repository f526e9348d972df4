package io.kubeattest.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders JSON-like evidence values compactly for one-line output. */
final class ValueFormat {
  private ValueFormat() {}

  /** A compact, flow-style rendering, cut at {@code max} characters. */
  static String compact(@Nullable Object value, int max) {
    StringBuilder out = new StringBuilder();
    append(out, value, max);
    return out.length() > max ? out.substring(0, max - 3) + "..." : out.toString();
  }

  private static void append(StringBuilder out, @Nullable Object value, int max) {
    if (out.length() > max) {
      return;
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        out.append(entry.getKey()).append(": ");
        append(out, entry.getValue(), max);
        if (entries.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        append(out, list.get(i), max);
      }
      out.append(']');
    } else {
      out.append(value);
    }
  }
}
