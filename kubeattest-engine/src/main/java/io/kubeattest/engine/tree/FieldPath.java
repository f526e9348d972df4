package io.kubeattest.engine.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A path to a field in a JSON-like tree, written as Kubernetes documentation writes it: {@code
 * spec.template.spec.containers[0].securityContext.privileged}. Keys that are not plain identifiers
 * are quoted: {@code metadata.annotations["kubeattest.io/exempt"]}. A pattern may use {@code [*]}
 * for any list element. The string form is canonical: two equal paths print the same.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(List.of());

  /** One step of a path. */
  public sealed interface Segment permits Key, Index, AnyIndex {}

  /** A map key. */
  public record Key(String name) implements Segment {}

  /** A list position, 0-based. */
  public record Index(int position) implements Segment {
    public Index {
      if (position < 0) {
        throw new IllegalArgumentException("negative list index " + position);
      }
    }
  }

  /** Any list position, for patterns. */
  public record AnyIndex() implements Segment {}

  private final List<Segment> segments;

  /** The rendered form, made on first use: most paths built while matching are never shown. */
  private @org.jspecify.annotations.Nullable String text;

  private FieldPath(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  private FieldPath(List<Segment> segments, String text) {
    this.segments = segments;
    this.text = text;
  }

  private String text() {
    String rendered = text;
    if (rendered == null) {
      rendered = render(segments);
      text = rendered;
    }
    return rendered;
  }

  /** The empty path: the root of the tree. */
  public static FieldPath root() {
    return ROOT;
  }

  /** The path that names this path's {@code key} child. */
  public FieldPath key(String key) {
    return append(new Key(key));
  }

  /** The path that names this path's element at {@code position}. */
  public FieldPath index(int position) {
    return append(new Index(position));
  }

  /** This path followed by {@code other}. */
  public FieldPath resolve(FieldPath other) {
    if (other.segments.isEmpty()) {
      return this;
    }
    List<Segment> all = new ArrayList<>(segments);
    all.addAll(other.segments);
    return new FieldPath(all);
  }

  private FieldPath append(Segment segment) {
    List<Segment> all = new ArrayList<>(segments.size() + 1);
    all.addAll(segments);
    all.add(segment);
    String rendered = text;
    if (rendered == null) {
      return new FieldPath(all);
    }
    StringBuilder out = new StringBuilder(rendered.length() + 16).append(rendered);
    appendSegment(out, segment);
    return new FieldPath(java.util.Collections.unmodifiableList(all), out.toString());
  }

  public List<Segment> segments() {
    return segments;
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The path without its last segment; the root's parent is the root. */
  public FieldPath parent() {
    return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  /**
   * Parses the string form.
   *
   * @throws IllegalArgumentException naming the path and the position of the problem
   */
  public static FieldPath parse(String path) {
    List<Segment> segments = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        if (i == 0 || i == n - 1) {
          throw invalid(path, i, "a path does not start or end with '.'");
        }
        i++;
        continue;
      }
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw invalid(path, i, "unclosed '['");
        }
        String inside = path.substring(i + 1, close);
        if (inside.equals("*")) {
          segments.add(new AnyIndex());
        } else if (inside.startsWith("\"")) {
          int end = closingQuote(path, i + 1);
          if (end + 1 >= n || path.charAt(end + 1) != ']') {
            throw invalid(path, i, "a quoted key ends with '\"]'");
          }
          segments.add(new Key(unquote(path.substring(i + 2, end))));
          close = end + 1;
        } else {
          try {
            segments.add(new Index(Integer.parseInt(inside)));
          } catch (IllegalArgumentException e) {
            throw invalid(path, i, "expected [number], [*] or [\"key\"]");
          }
        }
        i = close + 1;
        continue;
      }
      int end = i;
      while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      segments.add(new Key(path.substring(i, end)));
      i = end;
    }
    return new FieldPath(segments);
  }

  private static int closingQuote(String path, int open) {
    for (int i = open + 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw invalid(path, open, "unclosed '\"'");
  }

  private static String unquote(String quoted) {
    return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static IllegalArgumentException invalid(String path, int at, String why) {
    return new IllegalArgumentException(
        "invalid field path '" + path + "' at character " + (at + 1) + ": " + why);
  }

  /** The value at this path in {@code tree}, or null when some step is absent. */
  public @Nullable Object lookup(@Nullable Object tree) {
    Object current = tree;
    for (Segment segment : segments) {
      if (current == null) {
        return null;
      }
      current = step(current, segment);
    }
    return current;
  }

  /** True when every step of this (concrete) path exists in {@code tree}. */
  public boolean existsIn(@Nullable Object tree) {
    Object current = tree;
    for (Segment segment : segments) {
      if (segment instanceof Key key && current instanceof Map<?, ?> map) {
        if (!map.containsKey(key.name())) {
          return false;
        }
        current = map.get(key.name());
      } else if (segment instanceof Index index && current instanceof List<?> list) {
        if (index.position() >= list.size()) {
          return false;
        }
        current = list.get(index.position());
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * Expands a pattern against {@code tree}: every concrete path that exists, in document order. A
   * concrete path yields itself when it exists.
   */
  public List<FieldPath> expand(@Nullable Object tree) {
    List<FieldPath> out = new ArrayList<>();
    expand(tree, 0, new ArrayList<>(), out::add);
    return out;
  }

  private void expand(
      @Nullable Object node, int depth, List<Segment> prefix, Consumer<FieldPath> out) {
    if (depth == segments.size()) {
      out.accept(new FieldPath(prefix));
      return;
    }
    Segment segment = segments.get(depth);
    if (segment instanceof AnyIndex) {
      if (node instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          prefix.add(new Index(i));
          expand(list.get(i), depth + 1, prefix, out);
          prefix.remove(prefix.size() - 1);
        }
      }
      return;
    }
    if (segment instanceof Key key
        && node instanceof Map<?, ?> map
        && map.containsKey(key.name())) {
      prefix.add(segment);
      expand(map.get(key.name()), depth + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    } else if (segment instanceof Index index
        && node instanceof List<?> list
        && index.position() < list.size()) {
      prefix.add(segment);
      expand(list.get(index.position()), depth + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static @Nullable Object step(Object node, Segment segment) {
    if (segment instanceof Key key && node instanceof Map<?, ?> map) {
      return map.get(key.name());
    }
    if (segment instanceof Index index
        && node instanceof List<?> list
        && index.position() < list.size()) {
      return list.get(index.position());
    }
    return null;
  }

  private static String render(List<Segment> segments) {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      appendSegment(out, segment);
    }
    return out.toString();
  }

  private static void appendSegment(StringBuilder out, Segment segment) {
    if (segment instanceof Key key) {
      if (isPlain(key.name())) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(key.name());
      } else {
        out.append("[\"")
            .append(key.name().replace("\\", "\\\\").replace("\"", "\\\""))
            .append("\"]");
      }
    } else if (segment instanceof Index index) {
      out.append('[').append(index.position()).append(']');
    } else {
      out.append("[*]");
    }
  }

  /**
   * True for {@code [A-Za-z_$][A-Za-z0-9_$-]*}, checked without a regex: this runs for every value
   * read.
   */
  private static boolean isPlain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
      boolean other = (c >= '0' && c <= '9') || c == '-';
      if (!(letter || (i > 0 && other))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FieldPath path && path.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
