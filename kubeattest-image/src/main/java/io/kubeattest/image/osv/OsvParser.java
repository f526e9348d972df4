package io.kubeattest.image.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads OSV JSON documents into {@link OsvRecord}s. Unknown fields are ignored, missing optional
 * fields become empty values; a document that is not JSON, lacks {@code id}, or has a field of the
 * wrong shape throws {@link OsvFormatException} naming the source, the record id when known, and
 * the field path. Instances are immutable and thread-safe.
 */
public final class OsvParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads one OSV record from a file. */
  public OsvRecord parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new OsvFormatException("cannot read OSV file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads one OSV record from a stream; {@code source} names it in errors. Does not close it. */
  public OsvRecord parse(InputStream in, String source) {
    try {
      return toRecord(MAPPER.readTree(in), source);
    } catch (JsonProcessingException e) {
      throw new OsvFormatException(
          "OSV document " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new OsvFormatException("cannot read OSV document " + source + ": " + e.getMessage(), e);
    }
  }

  /** Reads one OSV record from JSON text; {@code source} names it in errors. */
  public OsvRecord parse(String json, String source) {
    try {
      return toRecord(MAPPER.readTree(json), source);
    } catch (JsonProcessingException e) {
      throw new OsvFormatException(
          "OSV document " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static OsvRecord toRecord(@Nullable JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new OsvFormatException("OSV document " + source + ": expected a JSON object");
    }
    JsonNode idNode = root.get("id");
    if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
      throw new OsvFormatException("OSV document " + source + ": missing string field 'id'");
    }
    Reader r = new Reader(source, idNode.asText());
    return new OsvRecord(
        idNode.asText(),
        r.strings(root, "aliases"),
        r.strings(root, "related"),
        r.time(root, "modified"),
        r.time(root, "published"),
        r.time(root, "withdrawn"),
        r.text(root, "summary"),
        r.text(root, "details"),
        r.list(root, "severity", "severity", r::severity),
        r.list(root, "affected", "affected", r::affected),
        r.list(root, "references", "references", r::reference),
        r.object(root, "database_specific", "database_specific"));
  }

  /** Reads the fields of one document, naming the source, id and field path in every error. */
  private static final class Reader {
    private final String source;
    private final String id;
    private String path = "";

    Reader(String source, String id) {
      this.source = source;
      this.id = id;
    }

    OsvFormatException error(String at, String expected) {
      String field = at.endsWith(".") ? at.substring(0, at.length() - 1) : at;
      return new OsvFormatException(
          "OSV record " + id + " in " + source + ": field '" + field + "': expected " + expected);
    }

    String text(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return "";
      }
      if (!v.isTextual()) {
        throw error(path + field, "a string");
      }
      return v.asText();
    }

    @Nullable String optionalText(JsonNode node, String field) {
      String s = text(node, field);
      return s.isEmpty() ? null : s;
    }

    String requiredText(JsonNode node, String field) {
      String s = text(node, field);
      if (s.isEmpty()) {
        throw error(path + field, "a non-empty string");
      }
      return s;
    }

    List<String> strings(JsonNode node, String field) {
      return list(
          node,
          field,
          field,
          n -> {
            if (!n.isTextual()) {
              throw error(path, "a string");
            }
            return n.asText();
          });
    }

    @Nullable Instant time(JsonNode node, String field) {
      String s = text(node, field);
      if (s.isEmpty()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        throw error(path + field, "an RFC 3339 timestamp, got '" + s + "'");
      }
    }

    <T> List<T> list(JsonNode node, String field, String name, Function<JsonNode, T> element) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw error(path + name, "an array");
      }
      String outer = path;
      List<T> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        path = outer + name + "[" + i + "]";
        JsonNode item = v.get(i);
        if (item.isObject()) {
          path = path + ".";
        }
        out.add(element.apply(item));
      }
      path = outer;
      return out;
    }

    Map<String, Object> object(JsonNode node, String field, String name) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Map.of();
      }
      if (!v.isObject()) {
        throw error(path + name, "an object");
      }
      return plainObject(v);
    }

    JsonNode requireObject(JsonNode n) {
      if (!n.isObject()) {
        throw error(path, "an object");
      }
      return n;
    }

    Severity severity(JsonNode n) {
      requireObject(n);
      return new Severity(requiredText(n, "type"), requiredText(n, "score"));
    }

    Reference reference(JsonNode n) {
      requireObject(n);
      return new Reference(text(n, "type"), requiredText(n, "url"));
    }

    Affected affected(JsonNode n) {
      requireObject(n);
      AffectedPackage pkg = null;
      JsonNode p = n.get("package");
      if (p != null && !p.isNull()) {
        if (!p.isObject()) {
          throw error(path + "package", "an object");
        }
        String outer = path;
        path = outer + "package.";
        pkg =
            new AffectedPackage(
                requiredText(p, "ecosystem"), requiredText(p, "name"), optionalText(p, "purl"));
        path = outer;
      }
      return new Affected(
          pkg,
          list(n, "severity", "severity", this::severity),
          list(n, "ranges", "ranges", this::range),
          strings(n, "versions"),
          object(n, "ecosystem_specific", "ecosystem_specific"),
          object(n, "database_specific", "database_specific"));
    }

    Range range(JsonNode n) {
      requireObject(n);
      String type = requiredText(n, "type");
      Range.Type t;
      try {
        t = Range.Type.valueOf(type.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(path + "type", "SEMVER, ECOSYSTEM or GIT, got '" + type + "'");
      }
      List<Event> events = list(n, "events", "events", this::event);
      if (events.isEmpty()) {
        throw error(path + "events", "at least one event");
      }
      return new Range(
          t, optionalText(n, "repo"), events, object(n, "database_specific", "database_specific"));
    }

    Event event(JsonNode n) {
      requireObject(n);
      Event found = null;
      for (Event.Kind kind : Event.Kind.values()) {
        String key = kind.name().toLowerCase(Locale.ROOT);
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
          continue;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
          throw error(path + key, "a non-empty string");
        }
        if (found != null) {
          throw error(path, "exactly one of introduced, fixed, last_affected, limit");
        }
        found = new Event(kind, v.asText());
      }
      if (found == null) {
        throw error(path, "one of introduced, fixed, last_affected, limit");
      }
      return found;
    }
  }

  /** JSON as plain, immutable Java values; JSON nulls are dropped from objects and arrays. */
  private static Map<String, Object> plainObject(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Object v = plain(e.getValue());
      if (v != null) {
        map.put(e.getKey(), v);
      }
    }
    return Map.copyOf(map);
  }

  private static @Nullable Object plain(JsonNode node) {
    if (node.isObject()) {
      return plainObject(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : node) {
        Object v = plain(item);
        if (v != null) {
          list.add(v);
        }
      }
      return List.copyOf(list);
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return null;
  }
}
