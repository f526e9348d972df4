package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The flags of one command line.
 *
 * @param values every flag name (without dashes) to all its values in command-line order; a bare
 *     flag has the value {@code "true"}; comma lists are kept raw
 * @param args positional arguments, in order
 */
public record ParsedFlags(Map<String, List<String>> values, List<String> args) {

  /** No flags at all. */
  public static final ParsedFlags EMPTY = new ParsedFlags(Map.of(), List.of());

  /** Copies the map and lists, keeping the command-line order of names. */
  public ParsedFlags {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    values = java.util.Collections.unmodifiableMap(copy);
    args = List.copyOf(args);
  }

  /** The value that wins for a scalar flag: the last one given, or null when absent. */
  public @Nullable String last(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
  }

  /** Whether the flag was given at all. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** These flags, then {@code later} ones appended after them (later values win as scalars). */
  public ParsedFlags then(ParsedFlags later) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    values.forEach((name, list) -> merged.put(name, new ArrayList<>(list)));
    later.values.forEach(
        (name, list) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
    List<String> allArgs = new ArrayList<>(args);
    allArgs.addAll(later.args);
    return new ParsedFlags(merged, allArgs);
  }

  /** The facts view {@code name -> [values]}. */
  Map<String, Object> multiFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    values.forEach((name, list) -> facts.put(name, new ArrayList<Object>(list)));
    return facts;
  }

  /** The facts view {@code name -> last value}. */
  Map<String, Object> scalarFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    values.forEach(
        (name, list) -> {
          if (!list.isEmpty()) {
            facts.put(name, list.get(list.size() - 1));
          }
        });
    return facts;
  }
}
