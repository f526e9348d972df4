package io.kubeattest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Validates our SARIF with Microsoft's SARIF Multitool ({@code Sarif.Multitool validate}), the
 * validator GitHub points to. The tool comes from npm ({@code @microsoft/sarif-multitool-linux},
 * pinned) into the git-ignored {@code .tools/} folder of the repository on first use; the test is
 * skipped only when npm cannot fetch it.
 */
class SarifMultitoolTest {
  static final String PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0";
  static final Path TOOLS = Path.of("..", ".tools", "sarif-multitool").toAbsolutePath().normalize();
  static final Path WORK = Path.of("target", "sarif").toAbsolutePath();

  static Path multitool;

  @BeforeAll
  static void install() throws Exception {
    Assumptions.assumeTrue(
        System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
        "the npm package holds the Linux build of the Multitool");
    Path binary = TOOLS.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    if (!Files.exists(binary)) {
      Path npm = ExternalTool.onPath("npm");
      Assumptions.assumeTrue(npm != null, "npm is not installed");
      Files.createDirectories(TOOLS);
      ExternalTool install =
          ExternalTool.run(
              TOOLS,
              300,
              List.of(
                  npm.toString(),
                  "install",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  TOOLS.toString(),
                  PACKAGE));
      Assumptions.assumeTrue(
          install.exitCode() == 0 && Files.exists(binary),
          "npm could not fetch " + PACKAGE + ": " + install.output());
    }
    binary.toFile().setExecutable(true, true);
    multitool = binary;
    Files.createDirectories(WORK);
  }

  /** Validates {@code sarif} and returns the validator's results as "LEVEL RULE: message". */
  static List<String> validate(String name, String sarif) throws Exception {
    Path input = WORK.resolve(name);
    Path output = WORK.resolve(name + ".validation.sarif");
    Files.writeString(input, sarif);
    Files.deleteIfExists(output);
    ExternalTool run =
        ExternalTool.run(
            WORK,
            180,
            List.of(multitool.toString(), "validate", input.toString(), "-o", output.toString()));
    assertThat(output).as("validator output; tool said: %s", run.output()).exists();
    List<String> problems = new ArrayList<>();
    JsonNode log = new ObjectMapper().readTree(output.toFile());
    for (JsonNode result : log.at("/runs/0/results")) {
      String level = result.path("level").asText("warning");
      problems.add(
          level
              + " "
              + result.path("ruleId").asText()
              + ": "
              + result.at("/message/arguments").toString());
    }
    return problems;
  }

  @Test
  @DisplayName("the Multitool reports no error on our SARIF")
  void ourSarifValidates() throws Exception {
    String sarif =
        ReporterGoldenTest.render(
            new SarifReporter(ReporterGoldenTest.rules(), null), ReporterGoldenTest.sample());
    List<String> problems = validate("insecure-daemonset.sarif", sarif);
    assertThat(problems.stream().filter(p -> p.startsWith("error "))).isEmpty();
    problems.stream().filter(p -> p.startsWith("warning ")).forEach(System.out::println);
  }

  @Test
  @DisplayName("the Multitool does report an error on a broken SARIF (so the check above can fail)")
  void brokenSarifFails() throws Exception {
    String broken =
        "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\",\"rules\":[{\"id\":\"a\"}]}},"
            + "\"results\":[{\"ruleId\":\"a\",\"ruleIndex\":5,\"message\":{\"text\":\"m\"}}]}]}";
    assertThat(validate("broken.sarif", broken)).anyMatch(p -> p.startsWith("error SARIF1009"));
  }
}
