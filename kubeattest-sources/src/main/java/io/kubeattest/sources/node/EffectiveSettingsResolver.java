package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies "flag, else config file, else the supervisor's default" to a table of settings and types
 * the result.
 *
 * <p>Each setting becomes {@code {set, source, value?, raw?, error?, shown?, flag, configKey}}:
 * {@code source} is {@code flag}, {@code config}, a supervisor's default ({@code k3s default},
 * {@code rke2 default}) or {@code unset}; {@code value} is typed (Boolean, Long, String, List of
 * String) and absent when unset or when the text cannot be converted, in which case {@code raw}
 * holds the text and {@code error} says why. {@code shown} is the evidence text: the flag as given
 * ({@code --read-only-port=0}, with {@code (k3s config file)} or {@code (k3s default)} when it did
 * not come from the command line), or {@code readOnlyPort: 0 (<config path>)}. A supervisor's
 * default ranks below the config file: newer k3s and rke2 write it into a kubelet drop-in that a
 * user's config file overrides, and ranking it lower never turns a user's setting into a PASS. No
 * Kubernetes default is filled in: a check decides what an unset setting means.
 */
final class EffectiveSettingsResolver {
  private EffectiveSettingsResolver() {}

  static Map<String, Object> resolve(
      List<Setting> settings,
      SupervisorArgs.Merged flags,
      Map<String, Object> config,
      String configPath) {
    Map<String, Object> effective = new LinkedHashMap<>();
    for (Setting setting : settings) {
      effective.put(setting.configKey(), resolveOne(setting, flags, config, configPath));
    }
    return effective;
  }

  private static Map<String, Object> resolveOne(
      Setting setting, SupervisorArgs.Merged flags, Map<String, Object> config, String configPath) {
    Map<String, Object> fact = new LinkedHashMap<>();
    String flagText = flagText(setting, flags.flags());
    String flagSource = flags.sources().getOrDefault(setting.flag(), SupervisorArgs.FLAG);
    boolean defaulted = SupervisorArgs.isDefault(flagSource);
    Object configValue = lookup(config, setting.configKey());
    if (flagText != null && !defaulted) {
      fact.put("set", true);
      fact.put("source", "flag");
      putConverted(fact, setting.type(), flagText);
      fact.put("shown", ComponentFacts.shown(flagName(setting), flagText, flagSource));
    } else if (configValue != null) {
      fact.put("set", true);
      fact.put("source", "config");
      if (setting.type() == Setting.Type.LIST && configValue instanceof List<?> list) {
        List<Object> items = new ArrayList<>();
        list.forEach(item -> items.add(String.valueOf(item)));
        fact.put("value", items);
      } else if (configValue instanceof Map || configValue instanceof List) {
        fact.put("raw", String.valueOf(configValue));
        fact.put("error", "expected a single value in the config file");
      } else {
        putConverted(fact, setting.type(), String.valueOf(configValue));
      }
      fact.put("shown", setting.configKey() + ": " + configValue + " (" + configPath + ")");
    } else if (flagText != null) {
      fact.put("set", true);
      fact.put("source", flagSource);
      putConverted(fact, setting.type(), flagText);
      fact.put("shown", ComponentFacts.shown(flagName(setting), flagText, flagSource));
    } else {
      fact.put("set", false);
      fact.put("source", "unset");
    }
    fact.put("flag", setting.flag());
    fact.put("configKey", setting.configKey());
    return fact;
  }

  /** The flag as written: {@code feature-gates} with its gate, {@code feature-gates=Gate}. */
  private static String flagName(Setting setting) {
    String gate = setting.gate();
    return gate == null ? setting.flag() : setting.flag() + "=" + gate;
  }

  private static @Nullable String flagText(Setting setting, ParsedFlags flags) {
    String gate = setting.gate();
    if (gate == null) {
      return flags.last(setting.flag());
    }
    String value = null;
    for (String list : flags.values().getOrDefault(setting.flag(), List.of())) {
      for (String pair : list.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(gate)) {
          value = pair.substring(eq + 1).trim();
        }
      }
    }
    return value;
  }

  private static void putConverted(Map<String, Object> fact, Setting.Type type, String text) {
    switch (type) {
      case STRING -> fact.put("value", text);
      case LIST -> {
        List<Object> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
        fact.put("value", items);
      }
      case INT -> {
        try {
          fact.put("value", Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
          fact.put("raw", text);
          fact.put("error", "expected an integer, found \"" + text + "\"");
        }
      }
      case BOOL, FEATURE_GATE -> {
        Boolean value = parseGoBool(text.trim());
        if (value == null) {
          fact.put("raw", text);
          fact.put("error", "expected true or false, found \"" + text + "\"");
        } else {
          fact.put("value", value);
        }
      }
    }
  }

  /** Go's strconv.ParseBool. */
  static @Nullable Boolean parseGoBool(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The value at a dotted path of a tree, or null. */
  static @Nullable Object lookup(Map<String, Object> tree, String dottedPath) {
    Object current = tree;
    int start = 0;
    while (true) {
      int dot = dottedPath.indexOf('.', start);
      String key = dottedPath.substring(start, dot < 0 ? dottedPath.length() : dot);
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
      if (dot < 0 || current == null) {
        return current;
      }
      start = dot + 1;
    }
  }
}
