package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Summarises a static pod manifest: the first container's image, the version in the image tag, and
 * the flags of its command and args. This is what the kubelet will start, which may differ from
 * what runs (the process) while a change is being rolled out.
 */
final class StaticPodManifestReader {
  private StaticPodManifestReader() {}

  /** {@code {path, image?, version?, flags, flag}}. */
  static Map<String, Object> summarise(String hostPath, Map<String, Object> manifest) {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("path", hostPath);
    Map<?, ?> container = firstContainer(manifest);
    List<String> tokens = new ArrayList<>();
    if (container != null) {
      if (container.get("image") instanceof String image) {
        fact.put("image", image);
        String version = versionOf(image);
        if (version != null) {
          fact.put("version", version);
        }
      }
      List<String> command = strings(container.get("command"));
      tokens.addAll(command.isEmpty() ? command : command.subList(1, command.size()));
      tokens.addAll(strings(container.get("args")));
    }
    ParsedFlags flags = FlagParser.parse(tokens);
    fact.put("flags", flags.multiFacts());
    fact.put("flag", flags.scalarFacts());
    return fact;
  }

  /** The tag of an image reference without its digest, or null when there is none. */
  static @Nullable String versionOf(String image) {
    String name = image;
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon < 0 || colon < name.lastIndexOf('/')) {
      return null;
    }
    String tag = name.substring(colon + 1);
    return tag.isEmpty() ? null : tag;
  }

  private static @Nullable Map<?, ?> firstContainer(Map<String, Object> manifest) {
    if (manifest.get("spec") instanceof Map<?, ?> spec
        && spec.get("containers") instanceof List<?> containers
        && !containers.isEmpty()
        && containers.get(0) instanceof Map<?, ?> container) {
      return container;
    }
    return null;
  }

  private static List<String> strings(@Nullable Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> out.add(String.valueOf(item)));
    }
    return out;
  }
}
