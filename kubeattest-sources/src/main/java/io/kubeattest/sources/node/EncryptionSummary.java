package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Summarises an EncryptionConfiguration: for each resource, its provider names in order (the first
 * one encrypts new writes). When a resource is listed twice the first entry wins, as in the API
 * server.
 */
final class EncryptionSummary {
  private EncryptionSummary() {}

  /** {@code {configured, resources: {resource: [provider, ...]}}}. */
  static Map<String, Object> of(@Nullable Object config) {
    Map<String, Object> summary = new LinkedHashMap<>();
    Map<String, Object> resources = new LinkedHashMap<>();
    summary.put("configured", config instanceof Map);
    if (config instanceof Map<?, ?> map && map.get("resources") instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> group
            && group.get("resources") instanceof List<?> names
            && group.get("providers") instanceof List<?> providers) {
          List<Object> providerNames = new ArrayList<>();
          for (Object provider : providers) {
            if (provider instanceof Map<?, ?> p && !p.isEmpty()) {
              providerNames.add(String.valueOf(p.keySet().iterator().next()));
            }
          }
          names.forEach(name -> resources.putIfAbsent(String.valueOf(name), providerNames));
        }
      }
    }
    summary.put("resources", resources);
    return summary;
  }
}
