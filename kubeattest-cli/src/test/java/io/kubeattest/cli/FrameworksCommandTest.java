package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworksCommandTest {
  static final Path EXAMPLES = ManifestsCommandTest.EXAMPLES;

  @TempDir Path dir;

  @Test
  @DisplayName("frameworks list shows the ten frameworks with their evidence counts")
  void list() {
    Cli cli = Cli.run("frameworks", "list");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out().lines().skip(1).map(l -> l.split(" ")[0]))
        .containsExactly(
            "cis-kubernetes-1.12",
            "cis-docker-1.6",
            "nsa-cisa-1.2",
            "mitre-attack",
            "pci-dss-4.0",
            "soc2",
            "nist-800-190",
            "nist-800-53-r5",
            "pss-baseline",
            "pss-restricted");
    assertThat(cli.out()).containsPattern("cis-kubernetes-1.12\\s+1.12.0\\s+131\\s+\\d+");
  }

  @Test
  @DisplayName(
      "frameworks show cis-kubernetes-1.12 lists all 131 controls with their evidence kind")
  void showCis() {
    Cli cli = Cli.run("frameworks", "show", "cis-kubernetes-1.12");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out().lines().filter(l -> l.matches("  \\d+\\.\\d+(\\.\\d+)?\\s+.*")))
        .hasSize(131);
    assertThat(cli.out())
        .containsPattern(
            "  5\\.2\\.2\\s+automated\\s+Minimize the admission of privileged containers <- container-privileged")
        .containsPattern("  5\\.3\\.2\\s+automated\\s+")
        .containsPattern("  1\\.1\\.1\\s+automated\\s+.*<- cis-k8s-1-12-1-1-1")
        .containsPattern("  1\\.2\\.20\\s+manual\\s+");
  }

  @Test
  @DisplayName("--gaps lists image-free scope and controls without automated evidence")
  void gaps() {
    Cli cli = Cli.run("frameworks", "show", "soc2", "--gaps");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("Gap analysis")
        .containsPattern("Rules outside the scope of soc2 \\(\\d+\\)")
        .containsPattern("Controls without automated evidence \\(\\d+\\):");
  }

  @Test
  @DisplayName("an unknown framework is one error line and exit 2")
  void unknown() {
    Cli cli = Cli.run("frameworks", "show", "iso-27001");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "error: unknown framework 'iso-27001' (kubeattest frameworks list shows every id)\n");
    assertThat(Cli.run("manifests", EXAMPLES.toString(), "--framework", "nope").exitCode())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("manifests --framework pci-dss-4.0 prints the control view and runs only its rules")
  void controlView() {
    Cli cli = Cli.run("manifests", EXAMPLES.toString(), "--framework", "pci-dss-4.0");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .startsWith("PCI DSS 4.0.1 (pci-dss-4.0): score ")
        .containsPattern("  2 Apply secure configurations to all system components  score ")
        .containsPattern("    FAIL     2\\.2\\.6 ")
        .containsPattern("    MANUAL   8\\.2\\.1 ")
        .doesNotContain("DaemonSet kube-system/log-shipper")
        .containsPattern("Scanned 12 objects with \\d+ rules");
    int all = ruleCount(Cli.run("manifests", EXAMPLES.toString()).out());
    int pci = ruleCount(cli.out());
    assertThat(pci).isPositive().isLessThan(all);
  }

  private static int ruleCount(String out) {
    var m = java.util.regex.Pattern.compile("with (\\d+) rules").matcher(out);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  @DisplayName("-o FORMAT=FILE writes several reports at once; stdout gets the one without a file")
  void severalOutputs() throws Exception {
    Path sarif = dir.resolve("scan.sarif");
    Path html = dir.resolve("report.html");
    Path csv = dir.resolve("r.csv");
    Cli cli =
        Cli.run(
            "manifests",
            EXAMPLES.toString(),
            "-o",
            "sarif=" + sarif,
            "-o",
            "html=" + html,
            "-o",
            "csv=" + csv,
            "-o",
            "junit");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).startsWith("<?xml").contains("<testsuites");
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(
            log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .startsWith("../examples/");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Framework scores");
    assertThat(Files.readString(csv)).startsWith("status,severity,rule,");
  }

  @Test
  @DisplayName("two -o values without a file are a usage error, and nothing is written")
  void twoOnStdout() {
    Cli cli = Cli.run("manifests", EXAMPLES.toString(), "-o", "json", "-o", "sarif");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("several -o values without a file would share standard output");
    Cli bad = Cli.run("manifests", EXAMPLES.toString(), "-o", "pdf");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains(
            "unknown format 'pdf' (expected table, json, sarif, junit, html, csv, kube-bench-json or cyclonedx)");
  }

  @Test
  @DisplayName("report merge combines two JSON scans; a bad input is one error line, exit 2")
  void merge() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Cli.run("manifests", EXAMPLES.resolve("insecure-daemonset.yaml").toString(), "-o", "json=" + a);
    Cli.run(
        "manifests", EXAMPLES.resolve("hardened-deployment.yaml").toString(), "-o", "json=" + b);
    Cli cli = Cli.run("report", "merge", a.toString(), b.toString(), "-o", "json");
    assertThat(cli.exitCode()).isZero();
    JsonNode merged = new ObjectMapper().readTree(cli.out());
    JsonNode first = new ObjectMapper().readTree(a.toFile());
    JsonNode second = new ObjectMapper().readTree(b.toFile());
    assertThat(merged.at("/summary/objects").asInt())
        .isEqualTo(first.at("/summary/objects").asInt() + second.at("/summary/objects").asInt());
    assertThat(merged.get("findings").size())
        .isEqualTo(first.get("findings").size() + second.get("findings").size());
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 3}");
    Cli partial =
        Cli.run(
            "report",
            "merge",
            a.toString(),
            broken.toString(),
            "--framework",
            "cis-kubernetes-1.12");
    assertThat(partial.exitCode()).isEqualTo(2);
    assertThat(partial.err())
        .isEqualTo(
            "error: "
                + broken
                + ": not a kubeattest JSON report: schemaVersion 3 is not supported (expected 1)\n");
    assertThat(partial.out()).startsWith("CIS Kubernetes Benchmark 1.12.0 (cis-kubernetes-1.12)");
  }
}
