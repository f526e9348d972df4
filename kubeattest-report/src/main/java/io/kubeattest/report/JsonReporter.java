package io.kubeattest.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.model.Evidence;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON report, {@code schemaVersion} {@value #SCHEMA_VERSION}, documented in {@code
 * docs/json-report.md}. Keys are written in a fixed order; findings in scan order.
 */
public final class JsonReporter implements Reporter {
  public static final int SCHEMA_VERSION = 1;

  private final JsonFactory factory = new ObjectMapper().getFactory();
  private final List<FrameworkScore> frameworks;
  private final int batch;

  /** The report without framework scores. */
  public JsonReporter() {
    this(List.of());
  }

  /**
   * @param frameworks scores written as the {@code frameworks} array (with gap analysis); the key
   *     is left out when empty
   */
  public JsonReporter(List<FrameworkScore> frameworks) {
    this(frameworks, BATCH);
  }

  /** As {@link #JsonReporter(List)}, rendering in parallel from {@code batch} findings on. */
  JsonReporter(List<FrameworkScore> frameworks, int batch) {
    this.frameworks = List.copyOf(frameworks);
    this.batch = batch;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out)) {
      writeReport(
          result,
          json,
          findings -> {
            for (Finding finding : findings) {
              writeFinding(finding, json);
            }
          });
    }
    out.write('\n');
    out.flush();
  }

  /**
   * As UTF-8 bytes, without a detour through characters: the way the CLI writes to a file or to
   * standard output. Large finding lists are rendered in parallel (see {@link #writeInParallel}).
   */
  @Override
  public void write(ScanResult result, OutputStream out) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      writeReport(result, json, findings -> writeInParallel(findings, json, out));
    }
    out.write('\n');
    out.flush();
  }

  /** Writes the content of the findings array. */
  @FunctionalInterface
  private interface FindingsWriter {
    void write(List<Finding> findings) throws IOException;
  }

  private void writeReport(ScanResult result, JsonGenerator json, FindingsWriter findings)
      throws IOException {
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeNumberField("schemaVersion", SCHEMA_VERSION);
    ScanMetadata meta = result.metadata();
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "kubeattest");
    json.writeStringField("version", meta.toolVersion());
    json.writeEndObject();
    json.writeObjectFieldStart("scan");
    json.writeStringField("kind", meta.scanKind());
    json.writeArrayFieldStart("inputs");
    for (String input : meta.inputs()) {
      json.writeString(input);
    }
    json.writeEndArray();
    json.writeStringField("startedAt", meta.startedAt().toString());
    json.writeStringField("finishedAt", meta.finishedAt().toString());
    json.writeStringField("catalogueDigest", meta.catalogueDigest());
    json.writeNumberField("ruleCount", meta.ruleCount());
    json.writeEndObject();
    writeSummary(result, json);
    json.writeArrayFieldStart("notes");
    for (InputNote note : result.notes()) {
      json.writeStartObject();
      json.writeStringField("kind", note.kind().name());
      json.writeStringField("input", note.input());
      json.writeStringField("message", note.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("findings");
    findings.write(result.findings());
    json.writeEndArray();
    if (!frameworks.isEmpty()) {
      FrameworkJson.write(json, frameworks);
    }
    json.writeEndObject();
  }

  /** Findings rendered per batch; a large scan has 100,000 and more. */
  private static final int BATCH = 2048;

  /** Runs of findings per batch: each parallel task renders one run with one generator. */
  private static final int RUNS_PER_BATCH = 32;

  /**
   * Writes the findings. Small lists are written in place; large ones are rendered in parallel, a
   * batch at a time, in runs by generators that indent as if they stood in the {@code findings}
   * array, then written in order straight to {@code out} with the separators the pretty printer
   * puts between array values ({@code " "} before the first, {@code ", "} before the others), so
   * the bytes are the same either way.
   */
  private void writeInParallel(List<Finding> findings, JsonGenerator json, OutputStream out)
      throws IOException {
    if (findings.size() < batch) {
      for (Finding finding : findings) {
        writeFinding(finding, json);
      }
      return;
    }
    json.flush();
    int run = Math.max(1, batch / RUNS_PER_BATCH);
    for (int start = 0; start < findings.size(); start += batch) {
      int end = Math.min(findings.size(), start + batch);
      List<List<Finding>> runs = new java.util.ArrayList<>();
      for (int from = start; from < end; from += run) {
        runs.add(findings.subList(from, Math.min(end, from + run)));
      }
      List<byte[]> rendered = runs.parallelStream().map(this::renderInArray).toList();
      for (int i = 0; i < rendered.size(); i++) {
        out.write(start == 0 && i == 0 ? FIRST : NEXT);
        out.write(rendered.get(i));
      }
    }
  }

  private static final byte[] FIRST = {' '};
  private static final byte[] NEXT = {',', ' '};

  /** Indentation as the pretty printer gives it inside the root object's findings array. */
  private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter IN_ARRAY =
      new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(
              com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                  .withRootSeparator(", "))
          .withObjectIndenter(new NestedIndenter(1));

  /**
   * A run of findings as they stand in the array: each indented one level down, separated by {@code
   * ", "} (the pretty printer's root-value separator, set to the array's).
   */
  private byte[] renderInArray(List<Finding> findings) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024 * findings.size());
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      writeRun(findings, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeRun(List<Finding> findings, JsonGenerator json) throws IOException {
    json.setPrettyPrinter(IN_ARRAY.createInstance());
    for (Finding finding : findings) {
      writeFinding(finding, json);
    }
  }

  /** The default object indenter, {@code depth} levels deeper. */
  private static final class NestedIndenter
      implements com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter {
    private final com.fasterxml.jackson.core.util.DefaultIndenter plain =
        com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
    private final int depth;

    NestedIndenter(int depth) {
      this.depth = depth;
    }

    @Override
    public void writeIndentation(JsonGenerator json, int level) throws IOException {
      plain.writeIndentation(json, level + depth);
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }

  private static void writeSummary(ScanResult result, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("objects", result.objectCount());
    json.writeNumberField("findings", result.findings().size());
    json.writeObjectFieldStart("byStatus");
    for (Map.Entry<Status, Integer> entry : result.countByStatus().entrySet()) {
      json.writeNumberField(entry.getKey().name(), entry.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("failedBySeverity");
    for (Map.Entry<Severity, Integer> entry : result.failuresBySeverity().entrySet()) {
      json.writeNumberField(entry.getKey().label(), entry.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeFinding(Finding finding, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.ruleId());
    json.writeStringField("title", finding.title());
    json.writeStringField("severity", finding.severity().label());
    json.writeStringField("status", finding.status().name());
    json.writeStringField("message", finding.message());
    SubjectRef subject = finding.subject();
    json.writeObjectFieldStart("subject");
    json.writeStringField("kind", subject.kind().label());
    json.writeStringField("id", subject.id());
    json.writeStringField("apiVersion", subject.object().apiVersion());
    json.writeStringField("objectKind", subject.object().kind());
    writeNullable(json, "namespace", subject.object().namespace());
    json.writeStringField("name", subject.object().name());
    writeNullable(json, "container", subject.container());
    writeLocation(json, "origin", subject.origin());
    json.writeEndObject();
    Evidence evidence = finding.evidence();
    writeLocation(json, "location", evidence.location());
    json.writeObjectFieldStart("evidence");
    json.writeStringField("path", evidence.path());
    json.writeBooleanField("present", evidence.present());
    json.writeFieldName("value");
    writeValue(json, evidence.value());
    json.writeEndObject();
    json.writeStringField("fingerprint", finding.fingerprint());
    io.kubeattest.engine.model.Exposure exposure = finding.exposure();
    if (exposure != null) {
      // only where known (cluster scans, or manifests with Services and RBAC); absent otherwise
      json.writeObjectFieldStart("exposure");
      json.writeBooleanField("external", exposure.external());
      json.writeArrayFieldStart("via");
      for (String way : exposure.via()) {
        json.writeString(way);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("blastRadius");
      for (String item : exposure.blastRadius()) {
        json.writeString(item);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeLocation(
      JsonGenerator json, String field, @Nullable SourceLocation location) throws IOException {
    if (location == null) {
      json.writeNullField(field);
      return;
    }
    json.writeObjectFieldStart(field);
    json.writeStringField("file", location.file());
    json.writeNumberField("line", location.line());
    json.writeNumberField("column", location.column());
    json.writeEndObject();
  }

  private static void writeNullable(JsonGenerator json, String field, @Nullable String value)
      throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeStringField(field, value);
    }
  }

  private static void writeValue(JsonGenerator json, @Nullable Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        writeValue(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        json.writeString(d.toString());
      } else {
        json.writeNumber(d);
      }
    } else if (value instanceof Number n) {
      json.writeNumber(n.toString());
    } else {
      json.writeString(value.toString());
    }
  }
}
