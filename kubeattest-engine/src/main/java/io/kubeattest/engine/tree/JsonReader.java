package io.kubeattest.engine.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON (one value, or several separated by whitespace, as {@code kubectl get -o json} and
 * JSON lines produce) into JSON-like trees with the line and column of every value, under the same
 * limits as {@link YamlReader}. Instances are thread-safe.
 */
public final class JsonReader implements TreeReader {
  private final JsonFactory factory;
  private final YamlLimits limits;

  public JsonReader(YamlLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxDocumentLength(limits.maxDocumentChars())
                    .maxStringLength(limits.maxDocumentChars())
                    .build())
            .build();
  }

  @Override
  public void read(String name, Reader input, Consumer<YamlDocument> sink) {
    try (JsonParser parser = factory.createParser(input)) {
      int index = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Positions.Builder positions = new Positions.Builder(name);
        JsonLocation start = parser.currentTokenLocation();
        Object root = value(parser, token, FieldPath.root(), positions);
        sink.accept(
            new YamlDocument(
                root,
                index++,
                new SourceLocation(
                    name, Math.max(1, start.getLineNr()), Math.max(1, start.getColumnNr())),
                positions.build()));
      }
    } catch (StreamConstraintsException e) {
      throw new InputException(
          name
              + ": exceeds a limit (depth "
              + limits.maxDepth()
              + ", size "
              + limits.maxDocumentChars()
              + " characters): "
              + YamlReader.oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      String where = "";
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
          && jpe.getLocation() != null) {
        where = " at line " + jpe.getLocation().getLineNr();
        throw new InputException(
            name
                + ": not valid JSON"
                + where
                + ": "
                + YamlReader.oneLine(jpe.getOriginalMessage()));
      }
      throw new InputException(name + ": cannot read: " + YamlReader.oneLine(e.toString()), e);
    }
  }

  /**
   * The JSON value starting at {@code token} as a JSON-like tree (maps, lists, String, Long,
   * Double, Boolean, null), without positions: for callers that stream a large document themselves,
   * such as a page of a Kubernetes list response. No limits apply beyond the parser's own
   * constraints.
   *
   * @throws IOException when the value is malformed or ends early
   */
  public static @Nullable Object tree(JsonParser parser, @Nullable JsonToken token)
      throws IOException {
    return value(parser, token, FieldPath.root(), null);
  }

  /** Reads one value; records positions (and builds paths) only when {@code positions} is set. */
  private static @Nullable Object value(
      JsonParser parser,
      @Nullable JsonToken token,
      FieldPath path,
      Positions.@Nullable Builder positions)
      throws IOException {
    if (token == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end");
    }
    if (positions != null) {
      JsonLocation location = parser.currentTokenLocation();
      positions.put(path, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          if (positions == null) {
            map.put(key, value(parser, parser.nextToken(), path, null));
            continue;
          }
          JsonLocation keyLocation = parser.currentTokenLocation();
          FieldPath child = path.key(key);
          Object value = value(parser, parser.nextToken(), child, positions);
          positions.put(
              child, Math.max(1, keyLocation.getLineNr()), Math.max(1, keyLocation.getColumnNr()));
          map.put(key, value);
        }
        if (next != JsonToken.END_OBJECT) {
          throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + next);
        }
        return map;
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        JsonToken next;
        int i = 0;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(parser, next, positions == null ? path : path.index(i), positions));
          i++;
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
      default ->
          throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
    }
  }
}
