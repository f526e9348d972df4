package io.kubeattest.image.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses manifests, indexes and image configs (OCI and Docker v2 schema 2). Thread-safe. Every
 * malformed document gives an {@link ImageException} naming it.
 */
public final class ManifestParser {
  /** The largest manifest or index accepted: 4 MiB, as the distribution spec suggests. */
  public static final int MAX_MANIFEST_BYTES = 4 << 20;

  /** The largest image config accepted: 8 MiB. */
  public static final int MAX_CONFIG_BYTES = 8 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses a manifest or an index.
   *
   * @param contentType the media type the server or layout gave, or null
   * @param what names the document in errors
   */
  public ManifestDocument manifest(byte[] json, @Nullable String contentType, String what) {
    JsonNode root = tree(json, what);
    String mediaType = text(root, "mediaType");
    if (mediaType == null) {
      mediaType = contentType;
    }
    if (root.has("schemaVersion") && root.get("schemaVersion").asInt() == 1) {
      throw new ImageException(what + ": Docker schema 1 manifests are not supported");
    }
    if ((mediaType != null && MediaTypes.isIndex(mediaType)) || root.has("manifests")) {
      List<Descriptor> manifests = new ArrayList<>();
      for (JsonNode entry : array(root, "manifests", what)) {
        manifests.add(descriptor(entry, what));
      }
      return new ImageIndex(manifests);
    }
    if (!root.has("config") || !root.has("layers")) {
      throw new ImageException(what + ": not an image manifest or index (no config and layers)");
    }
    List<Descriptor> layers = new ArrayList<>();
    for (JsonNode entry : array(root, "layers", what)) {
      layers.add(descriptor(entry, what));
    }
    return new ImageManifest(descriptor(root.get("config"), what), layers);
  }

  /** Parses an image config. */
  public ImageConfig config(byte[] json, String what) {
    JsonNode root = tree(json, what);
    JsonNode config = root.path("config");
    List<Digest> diffIds = new ArrayList<>();
    for (JsonNode id : array(root.path("rootfs"), "diff_ids", what)) {
      diffIds.add(parseDigest(id.asText(), what));
    }
    JsonNode health = config.path("Healthcheck").path("Test");
    List<String> healthcheck = null;
    if (health.isArray() && !health.isEmpty()) {
      healthcheck = strings(health);
    }
    List<String> ports = new ArrayList<>();
    config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    Map<String, String> labels = new LinkedHashMap<>();
    config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    String user = text(config, "User");
    return new ImageConfig(
        text(root, "os"),
        text(root, "architecture"),
        user == null || user.isEmpty() ? null : user,
        strings(config.path("Env")),
        strings(config.path("Entrypoint")),
        strings(config.path("Cmd")),
        text(config, "WorkingDir"),
        ports,
        healthcheck,
        instant(text(root, "created")),
        labels,
        diffIds);
  }

  private static JsonNode tree(byte[] json, String what) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new ImageException(what + ": not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ImageException(what + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ImageException(what + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static Descriptor descriptor(JsonNode node, String what) {
    String mediaType = text(node, "mediaType");
    String digest = text(node, "digest");
    if (digest == null || !node.path("size").canConvertToLong()) {
      throw new ImageException(what + ": a descriptor lacks its digest or size");
    }
    Platform platform = null;
    JsonNode p = node.get("platform");
    if (p != null) {
      String os = text(p, "os");
      String architecture = text(p, "architecture");
      if (os != null && architecture != null) {
        platform = new Platform(os, architecture, text(p, "variant"));
      }
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    node.path("annotations")
        .properties()
        .forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
    return new Descriptor(
        mediaType == null ? "" : mediaType,
        parseDigest(digest, what),
        node.get("size").asLong(),
        platform,
        annotations);
  }

  private static Digest parseDigest(String value, String what) {
    try {
      return Digest.parse(value);
    } catch (ImageException e) {
      throw new ImageException(what + ": " + e.getMessage(), e);
    }
  }

  private static Iterable<JsonNode> array(JsonNode node, String field, String what) {
    JsonNode array = node.get(field);
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new ImageException(what + ": " + field + " is not a list");
    }
    return array;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static @Nullable Instant instant(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
