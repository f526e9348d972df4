package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  @Test
  @DisplayName("the bundled examples print findings grouped by object and a summary; exit 0")
  void examples() {
    Cli cli = Cli.run("manifests", EXAMPLES.toString());
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("insecure-daemonset.yaml:3  DaemonSet kube-system/log-shipper")
        .contains("FAIL  critical container-privileged")
        .containsPattern(
            "Scanned 12 objects with \\d+ rules: \\d+ passed, \\d+ failed \\(critical \\d+,");
    assertThat(cli.out()).doesNotContain("\u001b[");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  @DisplayName("--fail-on high exits 1 on the examples; --fail-on with only lower failures exits 0")
  void failOn() {
    assertThat(Cli.run("manifests", EXAMPLES.toString(), "--fail-on", "high").exitCode())
        .isEqualTo(1);
    Path hardened = EXAMPLES.resolve("hardened-deployment.yaml");
    assertThat(Cli.run("manifests", hardened.toString(), "--fail-on", "low").exitCode()).isZero();
  }

  @Test
  @DisplayName("stdin in JSON: valid JSON whose findings name file '-' and the line")
  void stdinJson() throws IOException {
    String all;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      all = files.sorted().map(p -> readString(p)).collect(Collectors.joining("\n---\n"));
    }
    Cli cli = Cli.runWithStdin(all, "manifests", "-", "-o", "json");
    assertThat(cli.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.at("/scan/inputs/0").asText()).isEqualTo("-");
    JsonNode privileged = null;
    for (JsonNode finding : json.get("findings")) {
      assertThat(finding.at("/subject/origin/file").asText()).isEqualTo("-");
      if (finding.get("ruleId").asText().equals("container-privileged")
          && finding.get("status").asText().equals("FAIL")) {
        privileged = finding;
      }
    }
    assertThat(privileged).isNotNull();
    assertThat(privileged.at("/location/file").asText()).isEqualTo("-");
    assertThat(privileged.at("/location/line").asInt()).isPositive();
    assertThat(privileged.at("/evidence/value").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("an unreadable input is one error line on stderr, the rest is scanned, exit 2")
  void inputErrors() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "a: [1, 2\nb: 3\n");
    Cli cli =
        Cli.run(
            "manifests", broken.toString(), EXAMPLES.resolve("insecure-daemonset.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err().lines().toList())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith("error: " + broken + ": not valid YAML at line "));
    assertThat(cli.out())
        .contains("DaemonSet kube-system/log-shipper")
        .contains("1 unreadable input");
  }

  @Test
  @DisplayName("--quiet hides skip notes, --min-severity drops lower findings from report and exit")
  void quietAndMinSeverity() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("m.yaml"),
            "values: 1\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                + "  containers: [{name: c, image: 'app:1', securityContext: {runAsUser: 1000}}]\n");
    Cli loud = Cli.run("manifests", file.toString());
    assertThat(loud.err()).contains("note: " + file + ":1: not a Kubernetes object");
    Cli quiet =
        Cli.run(
            "manifests", file.toString(), "-q", "--min-severity", "high", "--fail-on", "medium");
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out())
        .contains("container-allow-privilege-escalation")
        .doesNotContain("container-cpu-limit");
    assertThat(quiet.exitCode()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "--rules adds a user's rule; a rule that does not compile stops with file:line, exit 2")
  void userRules() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("registry.yaml"),
        """
        apiVersion: kubeattest.io/v1alpha1
        kind: RuleSet
        metadata: {name: team}
        rules:
          - id: team-trusted-registry
            title: Image from an untrusted registry
            severity: high
            subject: container
            validate: "container.image.startsWith('registry.example.com/')"
            evidence: [container.image]
        """);
    Cli cli =
        Cli.run(
            "manifests",
            EXAMPLES.resolve("helm-release.yaml").toString(),
            "--rules",
            rules.toString(),
            "--fail-on",
            "high");
    assertThat(cli.out()).contains("team-trusted-registry");
    assertThat(cli.exitCode()).isEqualTo(1);

    Files.writeString(
        rules.resolve("registry.yaml"),
        Files.readString(rules.resolve("registry.yaml")).replace("startsWith(", "startsWith(("));
    Cli broken = Cli.run("manifests", EXAMPLES.toString(), "--rules", rules.toString());
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err())
        .startsWith(
            "error: "
                + rules.resolve("registry.yaml")
                + ":9: rule team-trusted-registry: validate does not compile:");
    assertThat(broken.out()).isEmpty();
  }

  @Test
  @DisplayName("--output writes the report to the file only; --color always colours the table")
  void outputAndColor() throws IOException {
    Path report = dir.resolve("report.json");
    Cli cli =
        Cli.run("manifests", EXAMPLES.toString(), "-o", "json", "--output", report.toString());
    assertThat(cli.out()).isEmpty();
    assertThat(new ObjectMapper().readTree(report.toFile()).get("findings").size()).isPositive();
    assertThat(Cli.run("manifests", EXAMPLES.toString(), "--color", "always").out())
        .contains("\u001b[31m");
  }

  @Test
  @DisplayName("usage errors exit 2 with picocli's message")
  void usage() {
    Cli unknown = Cli.run("manifests", "--no-such-flag", "x");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option: '--no-such-flag'");
    Cli badSeverity = Cli.run("manifests", "x", "--fail-on", "urgent");
    assertThat(badSeverity.exitCode()).isEqualTo(2);
    assertThat(badSeverity.err()).contains("unknown severity 'urgent'");
    assertThat(Cli.run("manifests").exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName("--version prints the version")
  void version() {
    Cli cli = Cli.run("--version");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).startsWith("kubeattest ");
  }

  private static String readString(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
