package io.kubeattest.sources.node;

import io.kubeattest.sources.node.ComponentDetector.Supervisor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The arguments a supervisor ({@code k3s server}, {@code rke2 agent}, ...) passes to the components
 * it runs when the user does not, read from the table {@code
 * kubeattest/node/supervisor-defaults.yaml} (each entry names its public source). Immutable; the
 * table is read once.
 */
final class SupervisorDefaults {
  static final String RESOURCE = "kubeattest/node/supervisor-defaults.yaml";

  /** One default argument; {@code when} and {@code unless} decide whether it applies. */
  record Arg(String flag, String value, List<String> when, List<String> unless) {
    Arg {
      when = List.copyOf(when);
      unless = List.copyOf(unless);
    }
  }

  /** A component's defaults under one supervisor, and the kubelet drop-in directory it writes. */
  record ComponentDefaults(List<Arg> args, @Nullable String configDir) {
    ComponentDefaults {
      args = List.copyOf(args);
    }
  }

  private static final Map<Supervisor, Map<Component, ComponentDefaults>> TABLE = load();

  private SupervisorDefaults() {}

  /**
   * The defaults {@code supervisor} gives {@code component}, as flag name to value in table order:
   * entries whose {@code when} flags the supervisor lacks and entries whose {@code unless} flags
   * the user passed are left out.
   */
  static Map<String, String> of(
      Supervisor supervisor,
      Component component,
      ParsedFlags supervisorFlags,
      ParsedFlags userFlags) {
    ComponentDefaults defaults = TABLE.getOrDefault(supervisor, Map.of()).get(component);
    Map<String, String> applying = new LinkedHashMap<>();
    if (defaults == null) {
      return applying;
    }
    for (Arg arg : defaults.args()) {
      boolean wanted =
          arg.when().isEmpty() || arg.when().stream().anyMatch(f -> set(supervisorFlags, f));
      boolean suppressed = arg.unless().stream().anyMatch(userFlags::has);
      if (wanted && !suppressed) {
        applying.put(arg.flag(), arg.value());
      }
    }
    return applying;
  }

  /**
   * The kubelet drop-in directory into which {@code supervisor} writes {@code component}'s
   * defaults, or null: a process of its own started with {@code --config-dir} naming it runs with
   * those defaults.
   */
  static @Nullable String configDir(Supervisor supervisor, Component component) {
    ComponentDefaults defaults = TABLE.getOrDefault(supervisor, Map.of()).get(component);
    return defaults == null ? null : defaults.configDir();
  }

  /** How a default is labelled as a source: {@code "k3s default"}, {@code "rke2 default"}. */
  static String label(Supervisor supervisor) {
    return supervisor.program() + " default";
  }

  private static boolean set(ParsedFlags flags, String name) {
    String value = flags.last(name);
    return value != null && !"false".equalsIgnoreCase(value.trim());
  }

  private static Map<Supervisor, Map<Component, ComponentDefaults>> load() {
    Map<String, Object> tree;
    try (InputStream in = SupervisorDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      tree = ConfigTreeReader.parseMapping(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Supervisor, Map<Component, ComponentDefaults>> table = new EnumMap<>(Supervisor.class);
    Map<?, ?> supervisors = map(tree.get("supervisors"), "supervisors");
    for (Supervisor supervisor : Supervisor.values()) {
      Map<Component, ComponentDefaults> byComponent = new EnumMap<>(Component.class);
      Object entry = supervisors.get(supervisor.bin());
      if (entry != null) {
        Map<?, ?> components = map(map(entry, supervisor.bin()).get("components"), "components");
        components.forEach(
            (key, value) ->
                byComponent.put(component(String.valueOf(key)), componentDefaults(value, key)));
      }
      table.put(supervisor, byComponent);
    }
    return table;
  }

  private static ComponentDefaults componentDefaults(Object value, Object key) {
    Map<?, ?> fields = map(value, String.valueOf(key));
    List<Arg> args = new ArrayList<>();
    for (Object item : list(fields.get("args"), key + ".args")) {
      Map<?, ?> arg = map(item, key + ".args[]");
      args.add(
          new Arg(
              String.valueOf(Objects.requireNonNull(arg.get("flag"), key + ": entry without flag")),
              String.valueOf(
                  Objects.requireNonNull(arg.get("value"), key + ": entry without value")),
              strings(arg.get("when")),
              strings(arg.get("unless"))));
    }
    Object configDir = fields.get("configDir");
    return new ComponentDefaults(args, configDir == null ? null : String.valueOf(configDir));
  }

  private static Component component(String key) {
    for (Component component : Component.values()) {
      if (component.key().equals(key)) {
        return component;
      }
    }
    throw new IllegalStateException(RESOURCE + ": unknown component " + key);
  }

  private static Map<?, ?> map(@Nullable Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalStateException(RESOURCE + ": " + what + " is not a mapping");
  }

  private static List<?> list(@Nullable Object value, String what) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalStateException(RESOURCE + ": " + what + " is not a list");
  }

  private static List<String> strings(@Nullable Object value) {
    return value == null
        ? List.of()
        : list(value, "when/unless").stream().map(String::valueOf).toList();
  }
}
