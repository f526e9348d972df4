package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@code components.<name>} fact of one component from its detection: running, how (own
 * process or embedded in a supervisor), pid, flags in three views, and the environment where the
 * component reads settings from it. Values of flags that carry credentials are redacted.
 */
final class ComponentFacts {
  /** Flags whose values are secrets (k3s/rke2 join tokens, datastore URLs with passwords). */
  private static final Set<String> SECRET_FLAGS =
      Set.of(
          "token",
          "agent-token",
          "datastore-endpoint",
          "etcd-s3-access-key",
          "etcd-s3-secret-key",
          "vpn-auth");

  static final String REDACTED = "<redacted>";

  private ComponentFacts() {}

  /** The fact of a component with its own process. */
  static Map<String, Object> ofProcess(
      ComponentDetector.Detection detection, SupervisorArgs.Merged flags, Map<String, String> env) {
    Map<String, Object> fact = running(detection, false);
    putFlags(fact, flags, env);
    return fact;
  }

  /** The fact of a component embedded in a supervisor process. */
  static Map<String, Object> ofEmbedded(
      ComponentDetector.Detection supervisor, SupervisorArgs.Merged flags) {
    Map<String, Object> fact = running(supervisor, true);
    putFlags(fact, flags, Map.of());
    return fact;
  }

  /** The fact of a component that does not run here. */
  static Map<String, Object> notRunning() {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("running", false);
    fact.put("embedded", false);
    putFlags(fact, new SupervisorArgs.Merged(ParsedFlags.EMPTY, Map.of()), Map.of());
    return fact;
  }

  /** The flags a supervisor passes to an embedded component through {@code --<arg>=name=value}. */
  static ParsedFlags embeddedFlags(ParsedFlags supervisorFlags, String supervisorArg) {
    List<String> tokens = new ArrayList<>();
    for (String value : supervisorFlags.values().getOrDefault(supervisorArg, List.of())) {
      tokens.add(value.startsWith("-") ? value : "--" + value);
    }
    return FlagParser.parse(tokens);
  }

  /**
   * Settings of a component: environment variables with its prefix turned into flag names ({@code
   * ETCD_CERT_FILE} to {@code cert-file}), then flags, the last value of a flag winning.
   */
  static Map<String, String> settings(ParsedFlags flags, Map<String, String> env, String prefix) {
    Map<String, String> settings = new LinkedHashMap<>();
    env.forEach(
        (name, value) ->
            settings.put(
                name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'), value));
    flags.scalarFacts().forEach((name, value) -> settings.put(name, String.valueOf(value)));
    return settings;
  }

  /**
   * A flag as evidence: {@code --name=value}, followed by where it came from when that is not the
   * process's own command line: {@code --anonymous-auth=false (k3s default)}.
   */
  static String shown(String name, String value, String source) {
    return "--"
        + name
        + "="
        + value
        + (SupervisorArgs.FLAG.equals(source) ? "" : " (" + source + ")");
  }

  static ParsedFlags redacted(ParsedFlags flags) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    flags
        .values()
        .forEach(
            (name, list) ->
                values.put(
                    name,
                    SECRET_FLAGS.contains(name)
                        ? list.stream().map(v -> REDACTED).toList()
                        : list));
    return new ParsedFlags(values, flags.args());
  }

  private static Map<String, Object> running(
      ComponentDetector.Detection detection, boolean embedded) {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("running", true);
    fact.put("embedded", embedded);
    fact.put("bin", detection.bin());
    fact.put("pid", detection.process().pid());
    fact.put("pids", new ArrayList<Object>(detection.pids()));
    fact.put("argv0", detection.process().argv().get(0));
    if (!detection.process().comm().isEmpty()) {
      fact.put("comm", detection.process().comm());
    }
    String exe = detection.process().exe();
    if (exe != null) {
      fact.put("exe", exe);
    }
    return fact;
  }

  private static void putFlags(
      Map<String, Object> fact, SupervisorArgs.Merged flags, Map<String, String> env) {
    ParsedFlags shown = redacted(flags.flags());
    fact.put("flags", shown.multiFacts());
    fact.put("flag", shown.scalarFacts());
    Map<String, Object> sources = new LinkedHashMap<>();
    Map<String, Object> evidence = new LinkedHashMap<>();
    shown
        .scalarFacts()
        .forEach(
            (name, value) -> {
              String source = flags.sources().getOrDefault(name, SupervisorArgs.FLAG);
              sources.put(name, source);
              evidence.put(name, shown(name, String.valueOf(value), source));
            });
    fact.put("flagSource", sources);
    fact.put("flagShown", evidence);
    fact.put("args", new ArrayList<Object>(shown.args()));
    fact.put("env", new LinkedHashMap<String, Object>(env));
  }
}
