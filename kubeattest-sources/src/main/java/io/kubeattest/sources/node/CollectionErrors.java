package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  List<Object> facts() {
    return new ArrayList<>(errors);
  }
}
