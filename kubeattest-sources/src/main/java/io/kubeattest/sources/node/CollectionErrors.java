package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The problems met while collecting facts, each naming the path it concerns. They end up in the
 * facts tree under {@code errors} so that a check can tell "not found" from "could not read". Not
 * thread-safe; one instance per collection.
 */
final class CollectionErrors {
  private final List<Map<String, Object>> errors = new ArrayList<>();

  void add(String path, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("path", path);
    error.put("message", message);
    errors.add(error);
  }

  /** The message of the last problem recorded for {@code path}, or null. */
  @Nullable String lastFor(String path) {
    for (int i = errors.size() - 1; i >= 0; i--) {
      if (path.equals(errors.get(i).get("path"))) {
        return String.valueOf(errors.get(i).get("message"));
      }
    }
    return null;
  }

  List<Object> facts() {
    return new ArrayList<>(errors);
  }
}
