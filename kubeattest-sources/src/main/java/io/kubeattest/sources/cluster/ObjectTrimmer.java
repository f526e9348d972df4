package io.kubeattest.sources.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Cuts each listed object down to what rules may see, before anything else holds it: a Secret keeps
 * only its metadata and type (never {@code data} or {@code stringData}, even when a server ignores
 * the metadata-only request); a ConfigMap keeps its keys with empty values; a Node drops its image
 * list; every object drops {@code metadata.managedFields}.
 */
final class ObjectTrimmer {
  private ObjectTrimmer() {}

  static Map<String, @Nullable Object> trim(
      ResourceKind kind, Map<String, @Nullable Object> object) {
    Map<String, @Nullable Object> result;
    switch (kind.kind()) {
      case "Secret" -> {
        result = new LinkedHashMap<>();
        result.put("apiVersion", kind.apiVersion());
        result.put("kind", kind.kind());
        result.put("metadata", object.get("metadata"));
        if (object.get("type") instanceof String type) {
          result.put("type", type);
        }
      }
      case "ConfigMap" -> {
        result = new LinkedHashMap<>(object);
        result.put("data", keysOnly(object.get("data")));
        result.put("binaryData", keysOnly(object.get("binaryData")));
        result.values().removeIf(v -> v == null);
      }
      case "Node" -> {
        result = new LinkedHashMap<>(object);
        if (object.get("status") instanceof Map<?, ?> status) {
          Map<Object, Object> kept = new LinkedHashMap<>(status);
          kept.remove("images");
          result.put("status", kept);
        }
      }
      default -> result = new LinkedHashMap<>(object);
    }
    result.put("apiVersion", kind.apiVersion());
    result.put("kind", kind.kind());
    if (result.get("metadata") instanceof Map<?, ?> metadata
        && metadata.containsKey("managedFields")) {
      Map<Object, Object> kept = new LinkedHashMap<>(metadata);
      kept.remove("managedFields");
      result.put("metadata", kept);
    }
    return result;
  }

  private static @Nullable Object keysOnly(@Nullable Object data) {
    if (!(data instanceof Map<?, ?> map)) {
      return null;
    }
    Map<Object, Object> keys = new LinkedHashMap<>();
    map.keySet().forEach(k -> keys.put(k, ""));
    return keys;
  }
}
