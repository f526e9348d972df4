package io.kubeattest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.ScanResult;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonResultReaderTest {
  private final JsonResultReader reader = new JsonResultReader();

  @Test
  @DisplayName("a JSON report read back and written again is the same bytes")
  void roundTrip() throws Exception {
    String written = ReporterGoldenTest.render(new JsonReporter(), ReporterGoldenTest.sample());
    ScanResult read = reader.read("scan.json", new StringReader(written));
    assertThat(read).isEqualTo(ReporterGoldenTest.sample());
    assertThat(ReporterGoldenTest.render(new JsonReporter(), read)).isEqualTo(written);
  }

  @Test
  @DisplayName("the frameworks key of a report is accepted and ignored")
  void frameworksIgnored() throws Exception {
    ScanResult sample = ReporterGoldenTest.sample();
    String written =
        ReporterGoldenTest.render(
            new JsonReporter(ReporterGoldenTest.scores(sample, "soc2")), sample);
    assertThat(reader.read("scan.json", new StringReader(written))).isEqualTo(sample);
  }

  @Test
  @DisplayName(
      "not JSON, another schema version and a wrong field each give one line naming the input")
  void badInputs() throws Exception {
    assertThatThrownBy(() -> reader.read("a.json", new StringReader("[1, 2]")))
        .isInstanceOf(InputException.class)
        .hasMessage("a.json: not a kubeattest JSON report (expected one JSON object)");
    assertThatThrownBy(() -> reader.read("b.json", new StringReader("{\"schemaVersion\": 2}")))
        .hasMessage(
            "b.json: not a kubeattest JSON report: schemaVersion 2 is not supported (expected 1)");
    String written =
        ReporterGoldenTest.render(new JsonReporter(), sampleUnchecked())
            .replaceFirst("\"status\" : \"PASS\"", "\"status\" : 7");
    assertThatThrownBy(() -> reader.read("c.json", new StringReader(written)))
        .hasMessage("c.json: not a kubeattest JSON report: findings[0]: 'status' must be a string");
    assertThatThrownBy(() -> reader.read("d.json", new StringReader("{\"schemaVersion\": 1,")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("d.json");
  }

  @Test
  @DisplayName("merging two scans sums objects, keeps both inputs and drops an exact duplicate")
  void merge() throws Exception {
    ScanResult sample = ReporterGoldenTest.sample();
    ScanResult merged = new ResultMerger().merge(List.of(sample, sample));
    assertThat(merged.objectCount()).isEqualTo(2 * sample.objectCount());
    assertThat(merged.findings()).isEqualTo(sample.findings());
    assertThat(merged.notes()).hasSize(2 * sample.notes().size());
    assertThat(merged.metadata().scanKind()).isEqualTo("manifests");
    assertThat(merged.metadata().inputs()).isEqualTo(sample.metadata().inputs());
  }

  @Test
  @DisplayName("CSV fields: quotes doubled, separators quoted, formula starts neutralised")
  void csvFields() {
    assertThat(CsvReporter.field("plain")).isEqualTo("plain");
    assertThat(CsvReporter.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvReporter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvReporter.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvReporter.field("=cmd()")).isEqualTo("'=cmd()");
    assertThat(CsvReporter.field("-")).isEqualTo("-");
  }

  private static ScanResult sampleUnchecked() {
    try {
      return ReporterGoldenTest.sample();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
