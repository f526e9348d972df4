package io.kubeattest.sources.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams one page of a Kubernetes list response: each element of {@code items} is parsed into a
 * JSON-like map (integers as {@code Long}) and handed on before the next is read, so a page is
 * never held whole. Returns the page's {@code metadata.continue} token. Thread-safe.
 */
final class ListPageParser {
  private static final int MAX_DEPTH = 64;

  private final JsonFactory factory =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  /**
   * @return the continue token, or null on the last page
   * @throws IOException when the body is not a list
   */
  @Nullable String parse(InputStream body, Consumer<Map<String, @Nullable Object>> items)
      throws IOException {
    String token = null;
    try (JsonParser parser = factory.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(parser, "a list response must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("items") && value == JsonToken.START_ARRAY) {
          JsonToken next;
          while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (next == JsonToken.START_OBJECT) {
              @SuppressWarnings("unchecked")
              Map<String, @Nullable Object> item =
                  (Map<String, @Nullable Object>) value(parser, next);
              items.accept(item);
            } else {
              parser.skipChildren();
            }
          }
        } else if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
          if (value(parser, value) instanceof Map<?, ?> metadata
              && metadata.get("continue") instanceof String next
              && !next.isEmpty()) {
            token = next;
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return token;
  }

  private static @Nullable Object value(JsonParser parser, @Nullable JsonToken token)
      throws IOException {
    if (token == null) {
      throw new JsonParseException(parser, "unexpected end of the response");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          map.put(key, value(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(parser, next));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? (Object) parser.getDoubleValue()
            : (Object) parser.getLongValue();
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
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new JsonParseException(parser, "unexpected " + token);
    }
  }
}
