package io.kubeattest.sources.node;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides the host path of every {@link PathRole}: the override, else what the component's own flag
 * or config names, else the first candidate that exists, else the default (the first candidate).
 * Roles that only a flag can name (encryption config, audit policy, ...) have no path when the flag
 * is absent.
 */
final class PathResolution {
  private final NodeOverrides overrides;
  private final HostFiles files;
  private final Map<PathRole, String> paths = new EnumMap<>(PathRole.class);
  private final Map<PathRole, String> sources = new EnumMap<>(PathRole.class);

  PathResolution(NodeOverrides overrides, HostFiles files) {
    this.overrides = overrides;
    this.files = files;
  }

  /** Records a path decided elsewhere (the kubelet and kube-proxy config files). */
  void fix(PathRole role, String path, String source) {
    paths.put(role, path);
    sources.put(role, source);
  }

  void resolveAll(
      Map<Component, Map<String, String>> settingsOf,
      Map<String, Object> kubelet,
      Map<String, Object> proxy) {
    for (PathRole role : PathRole.values()) {
      if (paths.containsKey(role)) {
        continue;
      }
      String override = overrides.paths().get(role);
      if (override != null) {
        fix(role, override, "override");
        continue;
      }
      String named = named(role, settingsOf, kubelet, proxy);
      if (named != null && !named.isBlank()) {
        fix(role, NodeFactsCollector.absolute(named), "component");
        continue;
      }
      List<String> candidates = role.candidates();
      if (candidates.isEmpty()) {
        continue;
      }
      String chosen = candidates.stream().filter(files::exists).findFirst().orElse(null);
      if (chosen == null || chosen.equals(candidates.get(0))) {
        fix(role, candidates.get(0), "default");
      } else {
        fix(role, chosen, "candidate");
      }
    }
  }

  Map<PathRole, String> paths() {
    return paths;
  }

  Map<String, Object> pathFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    paths.forEach((role, path) -> facts.put(role.key(), path));
    return facts;
  }

  Map<String, Object> sourceFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    sources.forEach((role, source) -> facts.put(role.key(), source));
    return facts;
  }

  private static @Nullable String named(
      PathRole role,
      Map<Component, Map<String, String>> settingsOf,
      Map<String, Object> kubelet,
      Map<String, Object> proxy) {
    return switch (role) {
      case ETCD_DATA_DIR -> setting(settingsOf, Component.ETCD, "data-dir");
      case SCHEDULER_KUBECONFIG -> setting(settingsOf, Component.SCHEDULER, "kubeconfig");
      case CONTROLLER_MANAGER_KUBECONFIG ->
          setting(settingsOf, Component.CONTROLLER_MANAGER, "kubeconfig");
      case CNI_CONF_DIR -> setting(settingsOf, Component.KUBELET, "cni-conf-dir");
      case KUBELET_KUBECONFIG -> setting(settingsOf, Component.KUBELET, "kubeconfig");
      case KUBELET_CLIENT_CA -> effective(kubelet, "authentication.x509.clientCAFile");
      case PROXY_KUBECONFIG -> effective(proxy, "clientConnection.kubeconfig");
      case ENCRYPTION_PROVIDER_CONFIG ->
          setting(settingsOf, Component.APISERVER, "encryption-provider-config");
      case ADMISSION_CONTROL_CONFIG ->
          setting(settingsOf, Component.APISERVER, "admission-control-config-file");
      case AUDIT_POLICY -> setting(settingsOf, Component.APISERVER, "audit-policy-file");
      default -> null;
    };
  }

  private static @Nullable String setting(
      Map<Component, Map<String, String>> settingsOf, Component component, String flag) {
    return settingsOf.getOrDefault(component, Map.of()).get(flag);
  }

  private static @Nullable String effective(Map<String, Object> section, String key) {
    if (section.get("effective") instanceof Map<?, ?> effective
        && effective.get(key) instanceof Map<?, ?> setting
        && setting.get("value") instanceof String value) {
      return value;
    }
    return null;
  }
}
