package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Merges what a supervisor passes to one component: its defaults, then the user's {@code
 * --<component>-arg} values from the config file and the command line, in that order. As in k3s
 * ({@code pkg/util/args.go}): a user value for a flag replaces the default for it, {@code
 * name+=value} appends to the default and {@code name-=value} prepends; repeated user values are
 * all kept (the component reads the last of a scalar, all of a list).
 */
final class SupervisorArgs {
  /** A user argument ({@code name=value}, dashes optional) and where it was given. */
  record UserArg(String text, String source) {}

  /** The merged flags and, per flag, the source of its last value. */
  record Merged(ParsedFlags flags, Map<String, String> sources) {
    Merged {
      sources = Map.copyOf(sources);
    }
  }

  /** The source of a value given on the process's own command line. */
  static final String FLAG = "flag";

  private record Value(String text, String source) {}

  private SupervisorArgs() {}

  static Merged merge(Map<String, String> defaults, String defaultSource, List<UserArg> user) {
    Map<String, String> unused = new LinkedHashMap<>(defaults);
    Map<String, List<Value>> byName = new LinkedHashMap<>();
    for (UserArg arg : user) {
      String text = arg.text().replaceFirst("^-{1,2}", "");
      int eq = text.indexOf('=');
      String name = eq < 0 ? text : text.substring(0, eq);
      Value value = new Value(eq < 0 ? "true" : text.substring(eq + 1), arg.source());
      String cleaned = name.replaceFirst("[+-]+$", "");
      String initial = unused.remove(cleaned);
      List<Value> before = byName.getOrDefault(cleaned, List.of());
      List<Value> values = new ArrayList<>();
      if (name.endsWith("+")) {
        addInitial(values, initial, defaultSource);
        values.addAll(before);
        values.add(value);
      } else if (name.endsWith("-")) {
        values.add(value);
        values.addAll(before);
        addInitial(values, initial, defaultSource);
      } else {
        values.addAll(before);
        values.add(value);
      }
      byName.put(cleaned, values);
    }
    Map<String, List<Value>> ordered = new LinkedHashMap<>();
    unused.forEach((name, text) -> ordered.put(name, List.of(new Value(text, defaultSource))));
    ordered.putAll(byName);
    List<String> tokens = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    ordered.forEach(
        (name, values) -> {
          values.forEach(v -> tokens.add("--" + name + "=" + v.text()));
          sources.put(name, values.get(values.size() - 1).source());
        });
    return new Merged(FlagParser.parse(tokens), sources);
  }

  /**
   * The flags of a component embedded in {@code kind}: its defaults, then the {@code
   * --<component>-arg} values of the config file, then those of the command line.
   */
  static Merged embedded(
      ComponentDetector.Supervisor kind,
      Component component,
      ParsedFlags fileFlags,
      ParsedFlags commandLine) {
    List<UserArg> user =
        new ArrayList<>(userArgs(fileFlags, component.supervisorArg(), kind.configLabel()));
    user.addAll(userArgs(commandLine, component.supervisorArg(), FLAG));
    ParsedFlags given =
        ComponentFacts.embeddedFlags(fileFlags.then(commandLine), component.supervisorArg());
    return merge(
        SupervisorDefaults.of(kind, component, fileFlags.then(commandLine), given),
        SupervisorDefaults.label(kind),
        user);
  }

  /**
   * The flags of a component with a process of its own: its command line, over the defaults {@code
   * kind} wrote into the drop-in directory the process names with {@code --config-dir} (none when
   * it names another directory, or when no supervisor runs).
   */
  static Merged ownProcess(
      ComponentDetector.@Nullable Supervisor kind,
      Component component,
      ParsedFlags flags,
      ParsedFlags supervisorFlags) {
    String dir = kind == null ? null : SupervisorDefaults.configDir(kind, component);
    String named = flags.last("config-dir");
    Map<String, String> sources = new LinkedHashMap<>();
    flags.values().keySet().forEach(name -> sources.put(name, FLAG));
    if (kind == null || dir == null || named == null || !stripSlash(named).equals(dir)) {
      return new Merged(flags, sources);
    }
    List<UserArg> user = new ArrayList<>();
    flags
        .values()
        .forEach((name, list) -> list.forEach(v -> user.add(new UserArg(name + "=" + v, FLAG))));
    Merged merged =
        merge(
            SupervisorDefaults.of(kind, component, supervisorFlags, flags),
            SupervisorDefaults.label(kind),
            user);
    return new Merged(new ParsedFlags(merged.flags().values(), flags.args()), merged.sources());
  }

  /** Whether a source names a supervisor's default rather than something the user gave. */
  static boolean isDefault(String source) {
    return source.endsWith(" default");
  }

  /** {@code path} without a trailing slash (but {@code /} stays). */
  static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The user arguments among a supervisor's flags: every value of {@code supervisorArg}. */
  static List<UserArg> userArgs(ParsedFlags flags, String supervisorArg, String source) {
    return flags.values().getOrDefault(supervisorArg, List.of()).stream()
        .map(text -> new UserArg(text, source))
        .toList();
  }

  private static void addInitial(List<Value> values, @Nullable String initial, String source) {
    if (initial != null) {
      values.add(new Value(initial, source));
    }
  }
}
