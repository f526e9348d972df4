package io.kubeattest.sources.node;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the user's config file says about a node when auto-detection is not enough.
 *
 * @param bins process names per component, replacing the built-in alternatives (same syntax:
 *     program name, then sub-command words)
 * @param paths host paths per role; an override wins over flags and candidates
 * @param versions component versions (such as {@code v1.31.2}) used instead of detected ones
 */
public record NodeOverrides(
    Map<Component, List<String>> bins,
    Map<PathRole, String> paths,
    Map<Component, String> versions) {

  /** No overrides. */
  public static final NodeOverrides NONE = new NodeOverrides(Map.of(), Map.of(), Map.of());

  /** Copies the maps; bins must not be empty and paths must be absolute. */
  public NodeOverrides {
    Map<Component, List<String>> binsCopy = new EnumMap<>(Component.class);
    bins.forEach(
        (component, list) -> {
          if (list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                "bins override for " + component.key() + " must list non-blank names: " + list);
          }
          binsCopy.put(component, List.copyOf(list));
        });
    paths.forEach(
        (role, path) -> {
          if (!path.startsWith("/")) {
            throw new IllegalArgumentException(
                "path override for " + role.key() + " must be an absolute host path: " + path);
          }
        });
    bins = Map.copyOf(binsCopy);
    paths = Map.copyOf(paths);
    versions = Map.copyOf(versions);
  }

  /** The process names that identify {@code component}. */
  List<String> binsOf(Component component) {
    return bins.getOrDefault(component, component.defaultBins());
  }
}
