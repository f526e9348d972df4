package io.kubeattest.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A node scan in kube-bench's JSON shape ({@code kube-bench --json}), so that pipelines reading
 * kube-bench keep working: {@code {"Controls": [...], "Totals": {...}}}, one control per benchmark
 * part (1 master, 2 etcd, 3 controlplane, 4 node, 5 policies), its groups as {@code tests}, each
 * check as a {@code results} entry with kube-bench's field names. Documented in {@code
 * docs/cis-node.md}.
 *
 * <p>The benchmark rules carry {@code attributes}: {@code id}, {@code section}, {@code group},
 * {@code control}, {@code target}, {@code automated}, {@code expected}, {@code audit}. Statuses map
 * as kube-bench's: PASS, FAIL, WARN, INFO; SKIP ("not found") and a rule that does not apply to
 * this node are INFO with {@code type: skip} and the reason; ERROR is FAIL for a scored check and
 * WARN otherwise. Stateless and thread-safe.
 */
public final class KubeBenchJsonReporter implements Reporter {
  private static final Map<String, String> CONTROL_TEXT =
      Map.of(
          "1", "Control Plane Security Configuration",
          "2", "Etcd Node Configuration",
          "3", "Control Plane Configuration",
          "4", "Worker Node Security Configuration",
          "5", "Kubernetes Policies");

  private final List<Rule> rules;
  private final String version;
  private final @Nullable String detectedVersion;
  private final JsonFactory factory = new ObjectMapper().getFactory();

  /**
   * @param rules the benchmark checks that ran, in any order (they are sorted by check id)
   * @param version the benchmark, e.g. {@code cis-1.12}
   * @param detectedVersion the Kubernetes version found on the node (e.g. {@code 1.31}), or null
   */
  public KubeBenchJsonReporter(List<Rule> rules, String version, @Nullable String detectedVersion) {
    this.rules =
        rules.stream()
            .filter(r -> r.attributes().containsKey("id"))
            .sorted(Comparator.comparing(r -> CheckId.of(r.attributes().get("id"))))
            .toList();
    this.version = version;
    this.detectedVersion = detectedVersion;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, Finding> findings = new HashMap<>();
    result.findings().forEach(f -> findings.putIfAbsent(f.ruleId(), f));
    Map<String, Map<String, List<Check>>> controls = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Map<String, String> a = rule.attributes();
      controls
          .computeIfAbsent(a.getOrDefault("control", "?"), k -> new LinkedHashMap<>())
          .computeIfAbsent(a.getOrDefault("section", "?"), k -> new ArrayList<>())
          .add(Check.of(rule, findings.get(rule.id())));
    }
    int[] totals = new int[4];
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("Controls");
      for (Map.Entry<String, Map<String, List<Check>>> control : controls.entrySet()) {
        int[] sums = writeControl(json, control.getKey(), control.getValue());
        for (int i = 0; i < 4; i++) {
          totals[i] += sums[i];
        }
      }
      json.writeEndArray();
      json.writeObjectFieldStart("Totals");
      writeTotals(json, "total_", totals);
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private int[] writeControl(JsonGenerator json, String id, Map<String, List<Check>> groups)
      throws IOException {
    int[] sums = new int[4];
    Rule first = groups.values().iterator().next().get(0).rule();
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("version", version);
    if (detectedVersion != null) {
      json.writeStringField("detected_version", detectedVersion);
    }
    json.writeStringField("text", CONTROL_TEXT.getOrDefault(id, "Section " + id));
    json.writeStringField("node_type", first.attributes().getOrDefault("target", ""));
    json.writeArrayFieldStart("tests");
    for (Map.Entry<String, List<Check>> group : groups.entrySet()) {
      int[] counts = new int[4];
      group.getValue().forEach(c -> counts[c.state()]++);
      json.writeStartObject();
      json.writeStringField("section", group.getKey());
      json.writeStringField("type", "");
      writeTotals(json, "", counts);
      json.writeStringField(
          "desc", group.getValue().get(0).rule().attributes().getOrDefault("group", ""));
      json.writeArrayFieldStart("results");
      for (Check check : group.getValue()) {
        check.write(json);
      }
      json.writeEndArray();
      json.writeEndObject();
      for (int i = 0; i < 4; i++) {
        sums[i] += counts[i];
      }
    }
    json.writeEndArray();
    writeTotals(json, "total_", sums);
    json.writeEndObject();
    return sums;
  }

  private static void writeTotals(JsonGenerator json, String prefix, int[] counts)
      throws IOException {
    json.writeNumberField(prefix + "pass", counts[0]);
    json.writeNumberField(prefix + "fail", counts[1]);
    json.writeNumberField(prefix + "warn", counts[2]);
    json.writeNumberField(prefix + "info", counts[3]);
  }

  /** One kube-bench result: a rule and its finding (null when the rule did not apply). */
  private record Check(Rule rule, String status, String type, String actual, String reason) {
    static final List<String> STATES = List.of("PASS", "FAIL", "WARN", "INFO");

    static Check of(Rule rule, @Nullable Finding finding) {
      boolean scored = scored(rule);
      if (finding == null) {
        return new Check(
            rule, "INFO", "skip", "", "not applicable: the component does not run on this node");
      }
      String actual =
          finding.evidence().present() ? ValueFormat.compact(finding.evidence().value(), 4096) : "";
      String type = rule.manual() ? "manual" : "";
      return switch (finding.status()) {
        case PASS -> new Check(rule, "PASS", type, actual, "");
        case FAIL ->
            new Check(rule, "FAIL", type, actualOr(actual, rule, finding), finding.message());
        case WARN, INFO ->
            new Check(
                rule,
                finding.status().name(),
                type,
                actualOr(actual, rule, finding),
                finding.message());
        case SKIP -> new Check(rule, "INFO", "skip", "", finding.message());
        case EXEMPT -> new Check(rule, "INFO", "exempt", actual, finding.message());
        case ERROR -> new Check(rule, scored ? "FAIL" : "WARN", type, "", finding.message());
      };
    }

    /**
     * The evidence value, else (for an evaluated check) the message, which names what was found.
     */
    private static String actualOr(String actual, Rule rule, Finding finding) {
      return actual.isEmpty() && !rule.manual() ? finding.message() : actual;
    }

    static boolean scored(Rule rule) {
      return "true".equals(rule.attributes().get("automated"));
    }

    int state() {
      return STATES.indexOf(status);
    }

    void write(JsonGenerator json) throws IOException {
      Map<String, String> a = rule.attributes();
      json.writeStartObject();
      json.writeStringField("test_number", a.getOrDefault("id", rule.id()));
      json.writeStringField("test_desc", rule.title());
      json.writeStringField("audit", a.getOrDefault("audit", ""));
      json.writeStringField("AuditEnv", "");
      json.writeStringField("AuditConfig", "");
      json.writeStringField("type", type);
      json.writeStringField("remediation", rule.remediation());
      json.writeArrayFieldStart("test_info");
      json.writeString(rule.remediation());
      json.writeEndArray();
      json.writeStringField("status", status);
      json.writeStringField("actual_value", actual);
      json.writeBooleanField("scored", scored(rule));
      json.writeBooleanField("IsMultiple", "true".equals(a.get("multiple")));
      json.writeStringField("expected_result", a.getOrDefault("expected", ""));
      if (!reason.isEmpty()) {
        json.writeStringField("reason", reason);
      }
      json.writeEndObject();
    }
  }

  /** A dotted check id ordered numerically: 1.2.9 before 1.2.10. */
  private record CheckId(List<Integer> parts, String text) implements Comparable<CheckId> {
    static CheckId of(@Nullable String text) {
      List<Integer> parts = new ArrayList<>();
      for (String part : String.valueOf(text).split("\\.", -1)) {
        parts.add(part.matches("[0-9]{1,6}") ? Integer.parseInt(part) : Integer.MAX_VALUE);
      }
      return new CheckId(parts, String.valueOf(text));
    }

    @Override
    public int compareTo(CheckId other) {
      for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
        int c = Integer.compare(parts.get(i), other.parts.get(i));
        if (c != 0) {
          return c;
        }
      }
      int c = Integer.compare(parts.size(), other.parts.size());
      return c != 0 ? c : text.compareTo(other.text);
    }
  }
}
