package io.kubeattest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.engine.model.Evidence;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kube-bench-compatible JSON of a small node scan: a passing file check, a failing flag, an
 * unscored check that warns, a manual check, a file that is not found, and a check that does not
 * apply. The golden file was reviewed against kube-bench's {@code check/controls.go} and {@code
 * check/check.go} JSON tags; to change it run with {@code -Dgolden.update=true} and read the diff.
 */
class KubeBenchJsonReporterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final SubjectRef NODE =
      new SubjectRef(
          SubjectKind.NODE, "node/cp-1", new ObjectRef("v1", "Node", null, "cp-1"), null, null);

  private static final List<String> CHECKS =
      List.of("1.1.1", "1.1.12", "1.2.1", "1.2.15", "1.2.20", "2.2", "4.1.3", "4.2.5");

  static String render() throws IOException {
    Map<String, Rule> byCheck = new java.util.HashMap<>();
    RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"))
        .descriptions()
        .forEach(r -> byCheck.put(r.attributes().get("id"), r));
    List<Rule> rules = CHECKS.stream().map(byCheck::get).toList();
    List<Finding> findings =
        List.of(
            finding(
                byCheck.get("1.1.1"),
                Status.PASS,
                "",
                "node.fileOf.apiserverManifest.mode",
                "0600"),
            finding(
                byCheck.get("1.1.12"),
                Status.PASS,
                "",
                "node.fileOf.etcdDataDir.ownership",
                "root:root"),
            finding(
                byCheck.get("1.2.1"),
                Status.WARN,
                "--anonymous-auth is not set, expected false",
                "",
                null),
            finding(
                byCheck.get("1.2.15"),
                Status.FAIL,
                "--profiling is true, expected false",
                "node.components.apiserver.flag.profiling",
                "true"),
            finding(
                byCheck.get("1.2.20"),
                Status.WARN,
                "manual check: " + byCheck.get("1.2.20").title(),
                "",
                null),
            finding(
                byCheck.get("4.1.3"),
                Status.SKIP,
                "/etc/kubernetes/proxy.conf: not found",
                "",
                null),
            finding(
                byCheck.get("4.2.5"),
                Status.WARN,
                "streamingConnectionIdleTimeout (--streaming-connection-idle-timeout) is 0s from the config, expected a duration other than 0",
                "node.kubelet.effective[\"streamingConnectionIdleTimeout\"].value",
                "0s"));
    ScanResult result =
        new ScanResult(
            new ScanMetadata(
                "0.0.0-test",
                "node",
                List.of("/"),
                Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:04:06Z"),
                "sha256:0000",
                rules.size()),
            1,
            findings,
            List.of());
    StringWriter out = new StringWriter();
    new KubeBenchJsonReporter(rules, "cis-1.12", "1.31").write(result, out);
    return out.toString();
  }

  private static Finding finding(
      Rule rule,
      Status status,
      String message,
      String path,
      @org.jspecify.annotations.Nullable Object value) {
    return Finding.of(rule, status, message, NODE, new Evidence(path, value, value != null, null));
  }

  @Test
  @DisplayName("the kube-bench JSON matches its golden file structurally")
  void golden() throws IOException {
    String actual = render();
    Path file = GOLDEN.resolve("node-scan.kube-bench.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual);
    }
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(actual)).isEqualTo(mapper.readTree(Files.readString(file)));
  }

  @Test
  @DisplayName("every result carries kube-bench's keys, and the totals add up")
  void shape() throws IOException {
    JsonNode root = new ObjectMapper().readTree(render());
    assertThat(root.fieldNames()).toIterable().containsExactly("Controls", "Totals");
    int pass = 0;
    int results = 0;
    for (JsonNode control : root.get("Controls")) {
      assertThat(control.fieldNames())
          .toIterable()
          .containsExactly(
              "id",
              "version",
              "detected_version",
              "text",
              "node_type",
              "tests",
              "total_pass",
              "total_fail",
              "total_warn",
              "total_info");
      for (JsonNode group : control.get("tests")) {
        for (JsonNode result : group.get("results")) {
          results++;
          assertThat(
                  result.has("test_number")
                      && result.has("actual_value")
                      && result.has("expected_result")
                      && result.has("IsMultiple")
                      && result.get("test_info").isArray())
              .isTrue();
          pass += result.get("status").asText().equals("PASS") ? 1 : 0;
        }
      }
    }
    assertThat(results).isEqualTo(CHECKS.size());
    assertThat(root.at("/Totals/total_pass").asInt()).isEqualTo(pass).isEqualTo(2);
    assertThat(root.at("/Totals/total_fail").asInt()).isEqualTo(1);
    assertThat(root.at("/Totals/total_warn").asInt()).isEqualTo(3);
    assertThat(root.at("/Totals/total_info").asInt()).as("not found + not applicable").isEqualTo(2);
  }
}
