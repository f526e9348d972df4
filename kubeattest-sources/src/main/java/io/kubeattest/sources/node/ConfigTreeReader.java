package io.kubeattest.sources.node;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses a config file (YAML, or JSON when it starts with <code>{</code>) into the facts tree's
 * value types: {@code Map<String,Object>}, {@code List<Object>}, String, Long, Double, Boolean.
 * Null values are dropped (for Kubernetes config, a null field is an unset field), integers that do
 * not fit a Long and timestamps become text, binary becomes base64. Aliases, nesting and size are
 * capped against YAML bombs.
 */
final class ConfigTreeReader {
  /** Created on first use: most nodes have no JSON config, and Jackson costs time to load. */
  private static final class Json {
    static final JsonFactory FACTORY = new JsonFactory();
  }

  private ConfigTreeReader() {}

  /**
   * Parses one document that must be a mapping.
   *
   * @throws IllegalArgumentException with a one-line reason when the text is not a YAML or JSON
   *     mapping
   */
  static Map<String, Object> parseMapping(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Object raw;
    try {
      raw = text.stripLeading().startsWith("{") ? json(text) : yaml(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(
          "not valid YAML: " + String.valueOf(e.getMessage()).replace('\n', ' '), e);
    }
    Object tree = normalize(raw, 0);
    if (!(tree instanceof Map)) {
      throw new IllegalArgumentException(
          "expected a YAML or JSON mapping, found "
              + (tree == null ? "an empty document" : "a " + kind(tree)));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) tree;
    return map;
  }

  private static @Nullable Object json(String text) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      Object value = first == null ? null : jsonValue(parser, 0);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("not valid JSON: text after the end of the document");
      }
      return value;
    }
  }

  /** The value starting at the parser's current token (maps and lists as LinkedHashMap/List). */
  private static @Nullable Object jsonValue(JsonParser parser, int depth) throws IOException {
    if (depth > 128) {
      throw new IllegalArgumentException("nesting deeper than 128 levels");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          Object value = jsonValue(parser, depth + 1);
          if (value != null) {
            map.put(name, value);
          }
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          Object value = jsonValue(parser, depth + 1);
          if (value != null) {
            list.add(value);
          }
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getBigIntegerValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      default -> {
        return null;
      }
    }
  }

  private static @Nullable Object yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(Math.max(text.length() + 1, 1024));
    options.setAllowDuplicateKeys(true);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options);
    return yaml.load(text);
  }

  private static @Nullable Object normalize(@Nullable Object value, int depth) {
    if (depth > 128) {
      throw new IllegalArgumentException("nesting deeper than 128 levels");
    }
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object child = normalize(entry.getValue(), depth + 1);
        if (child != null) {
          out.put(String.valueOf(entry.getKey()), child);
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        Object child = normalize(item, depth + 1);
        if (child != null) {
          out.add(child);
        }
      }
      return out;
    }
    return value.toString();
  }

  private static String kind(Object value) {
    if (value instanceof List) {
      return "list";
    }
    return value instanceof String
        ? "string"
        : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
