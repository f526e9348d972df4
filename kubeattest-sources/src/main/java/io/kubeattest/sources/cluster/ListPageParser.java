package io.kubeattest.sources.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.kubeattest.engine.tree.JsonReader;
import java.io.IOException;
import java.io.InputStream;
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
    return JsonReader.tree(parser, token);
  }
}
