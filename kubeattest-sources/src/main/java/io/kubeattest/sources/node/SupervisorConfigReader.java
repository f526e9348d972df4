package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a k3s or rke2 config file ({@code /etc/rancher/k3s/config.yaml}), whose keys are the
 * supervisor's flag names, as flags: a scalar becomes {@code --key=value}, a list repeats the flag
 * per item. Command-line flags are applied after these, so they win for scalars. A real k3s process
 * hides its arguments from {@code /proc}, which makes this file the main source there.
 */
final class SupervisorConfigReader {
  private SupervisorConfigReader() {}

  static ParsedFlags flags(HostFiles files, String hostPath) {
    Map<String, Object> tree = files.readTree(hostPath);
    if (tree == null) {
      return ParsedFlags.EMPTY;
    }
    List<String> tokens = new ArrayList<>();
    tree.forEach(
        (key, value) -> {
          if (value instanceof List<?> list) {
            list.forEach(item -> tokens.add("--" + key + "=" + item));
          } else if (!(value instanceof Map)) {
            tokens.add("--" + key + "=" + value);
          }
        });
    return FlagParser.parse(tokens);
  }
}
