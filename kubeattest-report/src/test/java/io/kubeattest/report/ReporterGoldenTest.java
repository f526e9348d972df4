package io.kubeattest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.engine.frameworks.FrameworkCatalogue;
import io.kubeattest.engine.frameworks.FrameworkCoverage;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.frameworks.FrameworkScorer;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.testing.Manifests;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Golden files for every reporter. They were reviewed by hand; to change one, run with {@code
 * -Dgolden.update=true}, then read the diff before committing it.
 */
class ReporterGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static ScanResult sample() throws IOException {
    String yaml = Files.readString(Path.of("..", "examples", "insecure-daemonset.yaml"));
    ScanResult scanned =
        Manifests.scan(Manifests.builtInCatalogue(), "examples/insecure-daemonset.yaml", yaml);
    ScanMetadata fixed =
        new ScanMetadata(
            "0.0.0-test",
            "manifests",
            List.of("examples/insecure-daemonset.yaml", "missing.yaml"),
            Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-02T03:04:06Z"),
            "sha256:0000",
            scanned.metadata().ruleCount());
    return new ScanResult(
        fixed,
        scanned.objectCount(),
        scanned.findings(),
        List.of(new InputNote(InputNote.Kind.ERROR, "missing.yaml", "no such file or directory")));
  }

  /** The scores of every built-in framework over the sample. */
  static List<FrameworkScore> scores(ScanResult result, String... ids) {
    List<Rule> rules = Manifests.builtInCatalogue().descriptions();
    FrameworkScorer scorer = new FrameworkScorer();
    return FrameworkCatalogue.builtIn().frameworks().stream()
        .filter(f -> ids.length == 0 || List.of(ids).contains(f.id()))
        .map(f -> scorer.score(FrameworkCoverage.of(f, rules), result.findings()))
        .toList();
  }

  static List<Rule> rules() {
    return Manifests.builtInCatalogue().descriptions();
  }

  static String render(Reporter reporter, ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    return out.toString();
  }

  static String utf8(Reporter reporter, ScanResult result) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    reporter.write(result, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual);
    }
    return Files.readString(file);
  }

  @Test
  @DisplayName("the table matches its golden file byte for byte")
  void table() throws IOException {
    String actual = render(new TableReporter(false, false), sample());
    assertThat(actual).isEqualTo(golden("insecure-daemonset.table.txt", actual));
  }

  @Test
  @DisplayName("the table with passes and colours matches its golden file")
  void tableWithPassesAndColour() throws IOException {
    String actual = render(new TableReporter(true, true), sample());
    assertThat(actual).isEqualTo(golden("insecure-daemonset.table-all-color.txt", actual));
  }

  @Test
  @DisplayName("the JSON report matches its golden file structurally")
  void json() throws IOException {
    String actual = render(new JsonReporter(), sample());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected = mapper.readTree(golden("insecure-daemonset.json", actual));
    assertThat(mapper.readTree(actual)).isEqualTo(expected);
  }

  @Test
  @DisplayName(
      "a large JSON report, rendered in parallel batches, as characters or as UTF-8, has the bytes"
          + " of the plain one")
  void parallelJsonSameBytes() throws IOException {
    ScanResult sample = sample();
    String plain = render(new JsonReporter(List.of(), Integer.MAX_VALUE), sample);
    // as UTF-8 bytes: batches of 3 render one finding per task; of 96, runs of 3 findings per task;
    // a batch larger than the report writes in place
    String batched = utf8(new JsonReporter(List.of(), 3), sample);
    String runs = utf8(new JsonReporter(List.of(), 96), sample);
    String inPlace = utf8(new JsonReporter(List.of(), Integer.MAX_VALUE), sample);
    assertThat(sample.findings()).hasSizeGreaterThan(100);
    assertThat(batched).isEqualTo(plain);
    assertThat(runs).isEqualTo(plain);
    assertThat(inPlace).isEqualTo(plain);
  }

  @Test
  @DisplayName(
      "the JSON report with framework scores and gaps matches its golden file structurally")
  void jsonWithFrameworks() throws IOException {
    ScanResult sample = sample();
    String actual = render(new JsonReporter(scores(sample, "pss-baseline", "soc2")), sample);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected = mapper.readTree(golden("insecure-daemonset.frameworks.json", actual));
    assertThat(mapper.readTree(actual)).isEqualTo(expected);
  }

  @Test
  @DisplayName("SARIF matches its golden file structurally")
  void sarif() throws IOException {
    String actual = render(new SarifReporter(rules(), null), sample());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected = mapper.readTree(golden("insecure-daemonset.sarif", actual));
    assertThat(mapper.readTree(actual)).isEqualTo(expected);
  }

  @Test
  @DisplayName("CSV matches its golden file byte for byte")
  void csv() throws IOException {
    String actual = render(new CsvReporter(), sample());
    assertThat(actual).isEqualTo(golden("insecure-daemonset.csv", actual));
  }

  @Test
  @DisplayName("JUnit per rule family matches its golden file byte for byte")
  void junitByFamily() throws IOException {
    String actual = render(new JunitReporter(rules(), List.of()), sample());
    assertThat(actual).isEqualTo(golden("insecure-daemonset.junit.xml", actual));
  }

  @Test
  @DisplayName("JUnit per framework matches its golden file byte for byte")
  void junitByFramework() throws IOException {
    ScanResult sample = sample();
    String actual = render(new JunitReporter(rules(), scores(sample, "pss-baseline")), sample);
    assertThat(actual).isEqualTo(golden("insecure-daemonset.junit-pss.xml", actual));
  }

  @Test
  @DisplayName("the control view matches its golden file byte for byte")
  void controlView() throws IOException {
    ScanResult sample = sample();
    String actual =
        render(new FrameworkTableReporter(scores(sample, "cis-kubernetes-1.12"), false), sample);
    assertThat(actual).isEqualTo(golden("insecure-daemonset.cis-controls.txt", actual));
  }

  @Test
  @DisplayName("the HTML report matches its golden file byte for byte")
  void html() throws IOException {
    ScanResult sample = sample();
    String actual =
        render(new HtmlReporter(scores(sample, "cis-kubernetes-1.12", "pss-baseline")), sample);
    assertThat(actual).isEqualTo(golden("insecure-daemonset.html", actual));
  }
}
