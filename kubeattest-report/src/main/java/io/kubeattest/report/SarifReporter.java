package io.kubeattest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectRef;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run; {@code tool.driver.rules} holds every
 * rule with a finding (descriptions, help as text and markdown, {@code security-severity}, tags);
 * results are the FAIL findings (level by severity) and WARN findings ({@code kind: review}), each
 * with a relative {@code artifactLocation.uri}, a region and a partial fingerprint. Rules that
 * could not be evaluated and unreadable inputs become tool execution notifications.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "kubeattest/v1";

  private final RuleIndex rules;
  private final @Nullable Path base;
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param rules the catalogue, for rule descriptions
   * @param base absolute file paths under this directory are written relative to it; null to keep
   *     paths as the user named them
   */
  public SarifReporter(List<Rule> rules, @Nullable Path base) {
    this.rules = new RuleIndex(rules);
    this.base = base == null ? null : base.toAbsolutePath().normalize();
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "kubeattest");
    driver.put("version", result.metadata().toolVersion());
    ArrayNode ruleArray = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (String ruleId : RuleIndex.ruleIdsIn(result)) {
      ruleIndex.put(ruleId, ruleIndex.size());
      writeRule(ruleArray.addObject(), ruleId, result);
    }
    run.putObject("automationDetails")
        .put("id", "kubeattest/" + result.metadata().scanKind() + "/");
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", !result.hasInputErrors());
    invocation.put("startTimeUtc", result.metadata().startedAt().toString());
    invocation.put("endTimeUtc", result.metadata().finishedAt().toString());
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (InputNote note : result.notes()) {
      ObjectNode n = notifications.addObject();
      n.put("level", note.kind() == InputNote.Kind.ERROR ? "error" : "note");
      n.putObject("message").put("text", note.line());
    }
    ArrayNode results = run.putArray("results");
    for (Finding finding : result.findings()) {
      if (finding.status() == Status.ERROR) {
        ObjectNode n = notifications.addObject();
        n.put("level", "error");
        n.putObject("message")
            .put(
                "text",
                finding.ruleId() + " on " + display(finding.subject()) + ": " + finding.message());
        n.putObject("associatedRule")
            .put("id", finding.ruleId())
            .put("index", ruleIndex.getOrDefault(finding.ruleId(), 0));
      } else if (finding.status() == Status.FAIL || finding.status() == Status.WARN) {
        writeResult(results.addObject(), finding, ruleIndex.getOrDefault(finding.ruleId(), 0));
      }
    }
    if (notifications.isEmpty()) {
      invocation.remove("toolExecutionNotifications");
    }
    mapper.writeValue(new NonClosingWriter(out), root);
    out.write('\n');
    out.flush();
  }

  private void writeRule(ObjectNode node, String ruleId, ScanResult result) {
    node.put("id", ruleId);
    node.put("name", pascal(ruleId));
    Optional<Rule> found = rules.find(ruleId);
    String title = found.map(Rule::title).orElse(RuleIndex.titleOf(ruleId, result));
    node.putObject("shortDescription").put("text", title);
    String description = found.map(Rule::description).filter(d -> !d.isEmpty()).orElse(title);
    node.putObject("fullDescription").put("text", description);
    found.flatMap(r -> r.references().stream().findFirst()).ifPresent(u -> node.put("helpUri", u));
    ObjectNode help = node.putObject("help");
    help.put("text", helpText(ruleId, found, description));
    help.put("markdown", helpMarkdown(title, found, description));
    Severity severity =
        found
            .map(Rule::severity)
            .orElseGet(
                () ->
                    result.findings().stream()
                        .filter(f -> f.ruleId().equals(ruleId))
                        .map(Finding::severity)
                        .findFirst()
                        .orElse(Severity.MEDIUM));
    node.putObject("defaultConfiguration").put("level", level(severity));
    ObjectNode properties = node.putObject("properties");
    properties.put("security-severity", securitySeverity(severity));
    properties.put("precision", "very-high");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security");
    tags.add("kubernetes");
    found.ifPresent(
        r -> {
          tags.add(r.subjectKind().label());
          r.frameworks().keySet().forEach(tags::add);
        });
  }

  private static String helpText(String ruleId, Optional<Rule> rule, String description) {
    StringBuilder text = new StringBuilder(description);
    rule.map(Rule::remediation)
        .filter(r -> !r.isEmpty())
        .ifPresent(r -> text.append("\n\nHow to fix: ").append(r));
    text.append("\n\nkubeattest rules explain ").append(ruleId);
    return text.toString();
  }

  private static String helpMarkdown(String title, Optional<Rule> rule, String description) {
    StringBuilder md = new StringBuilder("**").append(title).append("**\n\n").append(description);
    rule.ifPresent(
        r -> {
          if (!r.remediation().isEmpty()) {
            md.append("\n\n**How to fix:** ").append(r.remediation());
          }
          if (!r.frameworks().isEmpty()) {
            md.append("\n\n**Frameworks:**\n");
            r.frameworks()
                .forEach(
                    (k, v) ->
                        md.append("\n- ").append(k).append(": ").append(String.join(", ", v)));
          }
          if (!r.references().isEmpty()) {
            md.append("\n\n**References:**\n");
            r.references().forEach(u -> md.append("\n- <").append(u).append('>'));
          }
        });
    return md.toString();
  }

  private void writeResult(ObjectNode node, Finding finding, int index) {
    node.put("ruleId", finding.ruleId());
    node.put("ruleIndex", index);
    if (finding.status() == Status.WARN) {
      node.put("kind", "review");
      node.put("level", "none");
    } else {
      node.put("level", level(finding.severity()));
    }
    String message = finding.message().isEmpty() ? finding.title() : finding.message();
    node.putObject("message").put("text", message + " (" + display(finding.subject()) + ")");
    ObjectNode location = node.putArray("locations").addObject();
    SourceLocation where =
        finding.evidence().location() != null
            ? finding.evidence().location()
            : finding.subject().origin();
    String uri = where == null ? null : uri(where.file());
    if (where != null && uri != null) {
      ObjectNode physical = location.putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri);
      ObjectNode region = physical.putObject("region");
      region.put("startLine", where.line());
      region.put("startColumn", where.column());
    }
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", logicalName(finding.subject()));
    logical.put("kind", "resource");
    node.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
  }

  /** A relative URI for the file as the user named it; null for standard input. */
  @Nullable String uri(String file) {
    if (file.equals("-")) {
      return null;
    }
    Path path = Path.of(file);
    if (path.isAbsolute()) {
      Path normal = path.normalize();
      if (base != null && normal.startsWith(base)) {
        path = base.relativize(normal);
      } else {
        return normal.toUri().toString();
      }
    }
    StringBuilder uri = new StringBuilder();
    for (Path part : path.normalize()) {
      if (uri.length() > 0) {
        uri.append('/');
      }
      uri.append(
          java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
    }
    return uri.toString();
  }

  private static String logicalName(SubjectRef subject) {
    ObjectRef object = subject.object();
    String name =
        object.kind()
            + "/"
            + (object.namespace() == null ? "" : object.namespace() + "/")
            + object.name();
    return subject.container() == null ? name : name + "/" + subject.container();
  }

  private static String display(SubjectRef subject) {
    String object = subject.object().display();
    return subject.container() == null ? object : object + " container " + subject.container();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's scale: over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low. */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  private static String pascal(String id) {
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
