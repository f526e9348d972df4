package io.kubeattest.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kubeattest.engine.frameworks.Control;
import io.kubeattest.engine.frameworks.ControlResult;
import io.kubeattest.engine.frameworks.FrameworkCoverage;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.frameworks.SectionScore;
import io.kubeattest.engine.frameworks.Tally;
import java.io.IOException;
import java.util.List;

/** Writes framework scores and gap analysis as the JSON report's {@code frameworks} array. */
final class FrameworkJson {
  private FrameworkJson() {}

  static void write(JsonGenerator json, List<FrameworkScore> scores) throws IOException {
    json.writeArrayFieldStart("frameworks");
    for (FrameworkScore score : scores) {
      json.writeStartObject();
      json.writeStringField("id", score.framework().id());
      json.writeStringField("title", score.framework().title());
      json.writeStringField("version", score.framework().version());
      json.writeStringField("scope", score.framework().scope());
      tally(json, score.total());
      if (score.framework().isCis()) {
        json.writeObjectFieldStart("cis");
        json.writeNumberField("PASS", score.total().passed());
        json.writeNumberField("FAIL", score.total().failed());
        json.writeNumberField("WARN", score.total().manual());
        json.writeNumberField("INFO", score.total().notEvaluated());
        json.writeEndObject();
      }
      json.writeArrayFieldStart("sections");
      for (SectionScore section : score.sections()) {
        json.writeStartObject();
        json.writeStringField("id", section.section().id());
        json.writeStringField("title", section.section().title());
        tally(json, section.tally());
        json.writeArrayFieldStart("results");
        for (ControlResult control : section.controls()) {
          json.writeStartObject();
          json.writeStringField("id", control.control().id());
          json.writeStringField("title", control.control().title());
          json.writeStringField("status", control.status().name());
          json.writeStringField("evidence", control.evidence().name());
          json.writeArrayFieldStart("rules");
          for (String rule : control.rules()) {
            json.writeString(rule);
          }
          json.writeEndArray();
          json.writeNumberField("passedFindings", control.passedFindings());
          json.writeNumberField("failedFindings", control.failedFindings());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      FrameworkCoverage coverage = score.coverage();
      json.writeObjectFieldStart("gaps");
      json.writeArrayFieldStart("rulesOutsideScope");
      for (String rule : coverage.outOfScopeRules()) {
        json.writeString(rule);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("controlsWithoutAutomatedEvidence");
      for (Control control : coverage.controlsWithoutAutomatedEvidence()) {
        json.writeStartObject();
        json.writeStringField("id", control.id());
        json.writeStringField("title", control.title());
        json.writeStringField("evidence", coverage.kindOf(control).name());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void tally(JsonGenerator json, Tally tally) throws IOException {
    if (tally.score().isPresent()) {
      json.writeNumberField("score", tally.score().getAsDouble());
    } else {
      json.writeNullField("score");
    }
    json.writeObjectFieldStart("controls");
    json.writeNumberField("passed", tally.passed());
    json.writeNumberField("failed", tally.failed());
    json.writeNumberField("manual", tally.manual());
    json.writeNumberField("notEvaluated", tally.notEvaluated());
    json.writeNumberField("total", tally.total());
    json.writeEndObject();
  }
}
