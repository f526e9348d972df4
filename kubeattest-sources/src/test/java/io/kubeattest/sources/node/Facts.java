package io.kubeattest.sources.node;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads a facts tree in tests: {@code Facts.at(tree, "components", "apiserver", "running")}. */
final class Facts {
  private Facts() {}

  /** The value at the path of map keys, or null when a key is missing. */
  static @Nullable Object at(Object tree, String... keys) {
    Object current = tree;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object tree, String... keys) {
    Object value = at(tree, keys);
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("expected a map at " + String.join(".", keys) + ", found " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object tree, String... keys) {
    Object value = at(tree, keys);
    if (!(value instanceof List<?>)) {
      throw new AssertionError("expected a list at " + String.join(".", keys) + ", found " + value);
    }
    return (List<Object>) value;
  }

  /** The maps of a list of maps. */
  static List<Map<String, Object>> maps(Object tree, String... keys) {
    return list(tree, keys).stream().map(item -> map(item)).toList();
  }

  /** The file fact of a host path. */
  static Map<String, Object> file(Map<String, Object> facts, String hostPath) {
    Object value = map(facts, "files").get(hostPath);
    if (value == null) {
      throw new AssertionError(
          "no file fact for " + hostPath + " in " + map(facts, "files").keySet());
    }
    return map(value);
  }

  /** The file fact of the path a role resolved to. */
  static Map<String, Object> role(Map<String, Object> facts, String roleKey) {
    Object path = at(facts, "paths", roleKey);
    if (!(path instanceof String hostPath)) {
      throw new AssertionError("no path for role " + roleKey);
    }
    return file(facts, hostPath);
  }

  /** The messages of errors whose path contains {@code pathPart}. */
  static List<Object> errorsAbout(Map<String, Object> facts, String pathPart) {
    return maps(facts, "errors").stream()
        .filter(error -> String.valueOf(error.get("path")).contains(pathPart))
        .map(error -> error.get("message"))
        .toList();
  }
}
