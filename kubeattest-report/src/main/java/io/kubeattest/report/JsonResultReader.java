package io.kubeattest.report;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.Evidence;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.tree.JsonReader;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON report ({@code schemaVersion} 1, {@code docs/json-report.md}) back into a {@link
 * ScanResult}, so scans can be merged and re-rendered. The {@code summary} and {@code frameworks}
 * keys are ignored: they are recomputed from the findings. Thread-safe.
 */
public final class JsonResultReader {
  /** Reports up to 256 MiB; nesting as deep as evidence values allow. */
  private static final YamlLimits LIMITS = new YamlLimits(0, 128, 256 * 1024 * 1024, 1);

  private final JsonReader json = new JsonReader(LIMITS);

  /**
   * Reads one report.
   *
   * @param name the input as the user named it, used in error messages
   * @throws InputException naming the input and the first problem, when the text is not a
   *     kubeattest JSON report of a supported schema version
   */
  public ScanResult read(String name, Reader input) {
    List<YamlDocument> documents = new ArrayList<>();
    json.read(name, input, documents::add);
    if (documents.size() != 1 || !(documents.get(0).root() instanceof Map<?, ?> root)) {
      throw new InputException(name + ": not a kubeattest JSON report (expected one JSON object)");
    }
    try {
      Object version = root.get("schemaVersion");
      if (!(version instanceof Long v) || v != JsonReporter.SCHEMA_VERSION) {
        throw new IllegalArgumentException(
            "schemaVersion "
                + version
                + " is not supported (expected "
                + JsonReporter.SCHEMA_VERSION
                + ")");
      }
      Map<?, ?> tool = map(root, "tool");
      Map<?, ?> scan = map(root, "scan");
      ScanMetadata metadata =
          new ScanMetadata(
              string(tool, "version"),
              string(scan, "kind"),
              list(scan, "inputs").stream().map(String::valueOf).toList(),
              instant(scan, "startedAt"),
              instant(scan, "finishedAt"),
              string(scan, "catalogueDigest"),
              (int) number(scan, "ruleCount"));
      int objects = (int) number(map(root, "summary"), "objects");
      List<InputNote> notes = new ArrayList<>();
      for (Object item : list(root, "notes")) {
        Map<?, ?> note = asMap(item, "notes[]");
        notes.add(
            new InputNote(
                InputNote.Kind.valueOf(string(note, "kind")),
                string(note, "input"),
                string(note, "message")));
      }
      List<Finding> findings = new ArrayList<>();
      List<?> items = list(root, "findings");
      for (int i = 0; i < items.size(); i++) {
        try {
          findings.add(finding(asMap(items.get(i), "finding")));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("findings[" + i + "]: " + e.getMessage(), e);
        }
      }
      return new ScanResult(metadata, objects, findings, notes);
    } catch (IllegalArgumentException e) {
      throw new InputException(name + ": not a kubeattest JSON report: " + e.getMessage(), e);
    }
  }

  private static Finding finding(Map<?, ?> f) {
    Map<?, ?> subject = map(f, "subject");
    SubjectRef ref =
        new SubjectRef(
            SubjectKind.parse(string(subject, "kind")),
            string(subject, "id"),
            new ObjectRef(
                string(subject, "apiVersion"),
                string(subject, "objectKind"),
                optionalString(subject, "namespace"),
                string(subject, "name")),
            optionalString(subject, "container"),
            location(subject.get("origin")));
    Map<?, ?> evidence = map(f, "evidence");
    Object present = evidence.get("present");
    return new Finding(
        string(f, "ruleId"),
        string(f, "title"),
        Severity.parse(string(f, "severity")),
        Status.valueOf(string(f, "status")),
        string(f, "message"),
        ref,
        new Evidence(
            string(evidence, "path"),
            evidence.get("value"),
            Boolean.TRUE.equals(present),
            location(f.get("location"))),
        string(f, "fingerprint"),
        exposure(f.get("exposure")));
  }

  private static io.kubeattest.engine.model.@Nullable Exposure exposure(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    return new io.kubeattest.engine.model.Exposure(
        Boolean.TRUE.equals(map.get("external")),
        texts(map.get("via")),
        texts(map.get("blastRadius")));
  }

  private static java.util.List<String> texts(@Nullable Object value) {
    return value instanceof java.util.List<?> list
        ? list.stream().map(String::valueOf).toList()
        : java.util.List.of();
  }

  private static @Nullable SourceLocation location(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    Map<?, ?> location = asMap(value, "location");
    return new SourceLocation(
        string(location, "file"), (int) number(location, "line"), (int) number(location, "column"));
  }

  private static Map<?, ?> map(Map<?, ?> parent, String key) {
    return asMap(parent.get(key), key);
  }

  private static Map<?, ?> asMap(@Nullable Object value, String key) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException("'" + key + "' must be an object");
  }

  private static List<?> list(Map<?, ?> parent, String key) {
    if (parent.get(key) instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException("'" + key + "' must be an array");
  }

  private static String string(Map<?, ?> parent, String key) {
    if (parent.get(key) instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("'" + key + "' must be a string");
  }

  private static @Nullable String optionalString(Map<?, ?> parent, String key) {
    Object value = parent.get(key);
    return value == null ? null : string(parent, key);
  }

  private static long number(Map<?, ?> parent, String key) {
    if (parent.get(key) instanceof Long number) {
      return number;
    }
    throw new IllegalArgumentException("'" + key + "' must be an integer");
  }

  private static Instant instant(Map<?, ?> parent, String key) {
    try {
      return Instant.parse(string(parent, key));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + key + "' is not an ISO-8601 instant", e);
    }
  }
}
