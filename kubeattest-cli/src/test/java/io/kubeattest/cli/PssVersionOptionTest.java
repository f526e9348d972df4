package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kubeattest manifests --pss-version}: the policy version the pss-* rules apply. */
class PssVersionOptionTest {
  @TempDir Path dir;
  private Path pod;

  @BeforeEach
  void writePod() throws IOException {
    pod = dir.resolve("pod.yaml");
    Files.writeString(
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: tuned}
        spec:
          securityContext:
            sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 16777216"}]
          containers: [{name: app, image: app}]
        """);
  }

  @Test
  @DisplayName("v1.31 refuses a sysctl that v1.32 allows; latest and no flag allow it")
  void versionChangesTheVerdict() throws IOException {
    assertThat(sysctlStatus("--pss-version", "v1.31")).containsExactly("FAIL");
    assertThat(sysctlStatus("--pss-version", "v1.32")).containsExactly("PASS");
    assertThat(sysctlStatus("--pss-version", "latest")).containsExactly("PASS");
    assertThat(sysctlStatus()).containsExactly("PASS");
  }

  @Test
  @DisplayName("a check newer than the pinned version gives no finding")
  void newerCheckDoesNotApply() throws IOException {
    assertThat(statuses("pss-restricted-run-as-user", "--pss-version", "v1.22")).isEmpty();
    assertThat(statuses("pss-restricted-run-as-user", "--pss-version", "v1.23"))
        .containsExactly("PASS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.30", "v2.0", "v1.x", "v1.38", "v1.030", "Latest", ""})
  @DisplayName("a bad --pss-version is one error line naming the value, exit 2, nothing on stdout")
  void badVersion(String value) {
    Cli cli = Cli.run("manifests", pod.toString(), "--pss-version", value);
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err().strip())
        .isEqualTo(
            "error: unknown --pss-version '" + value + "' (expected latest or v1.0 to v1.37)");
    assertThat(cli.out()).isEmpty();
  }

  private List<String> sysctlStatus(String... flags) throws IOException {
    return statuses("pss-baseline-sysctls", flags);
  }

  private List<String> statuses(String ruleId, String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("manifests", pod.toString(), "-o", "json"));
    args.addAll(List.of(flags));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(cli.out());
    List<String> statuses = new ArrayList<>();
    for (JsonNode finding : report.get("findings")) {
      if (finding.get("ruleId").asText().equals(ruleId)) {
        statuses.add(finding.get("status").asText());
      }
    }
    return statuses;
  }
}
