package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path dir;

  private static final String AGENT =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        namespace: kube-system
        annotations:
          kubeattest.io/exempt: container-privileged, pss-baseline-privileged
          kubeattest.io/exempt-reason: needs the host
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: agent:1.0
                securityContext: {privileged: true}
      """;

  @Test
  @DisplayName("an annotation exemption shows EXEMPT and no longer trips --fail-on critical")
  void annotationExemption() throws IOException {
    Path file = Files.writeString(dir.resolve("agent.yaml"), AGENT);
    Path only =
        Files.writeString(
            dir.resolve("only.yaml"),
            "apiVersion: kubeattest.io/v1alpha1\nkind: Config\nrules:\n"
                + "  enable: [container-privileged, pss-baseline-privileged]\n");
    Cli cli =
        Cli.run("manifests", file.toString(), "--fail-on", "critical", "--config", only.toString());
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("EXEMPT critical container-privileged")
        .contains("exempted: needs the host (annotation kubeattest.io/exempt)")
        .contains("2 exempted");
  }

  @Test
  @DisplayName("--no-annotation-exemptions makes the same object fail again")
  void noAnnotationExemptions() throws IOException {
    Path file = Files.writeString(dir.resolve("agent.yaml"), AGENT);
    Cli cli =
        Cli.run(
            "manifests", file.toString(), "--fail-on", "critical", "--no-annotation-exemptions");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out()).contains("FAIL  critical container-privileged");
  }

  @Test
  @DisplayName(
      "--config disables rules and overrides severities; bad configs exit 2 with file:line")
  void config() throws IOException {
    Path file = Files.writeString(dir.resolve("agent.yaml"), AGENT);
    Path config =
        Files.writeString(
            dir.resolve("kubeattest.yaml"),
            """
            apiVersion: kubeattest.io/v1alpha1
            kind: Config
            rules:
              disable: [container-liveness-probe, container-readiness-probe]
              severity: {container-read-only-root-fs: critical}
            annotationExemptions: false
            """);
    Cli cli = Cli.run("manifests", file.toString(), "--config", config.toString());
    assertThat(cli.out())
        .doesNotContain("container-liveness-probe")
        .contains("FAIL  critical container-read-only-root-fs")
        .contains("FAIL  critical container-privileged");

    Files.writeString(
        config,
        "apiVersion: kubeattest.io/v1alpha1\nkind: Config\nrules:\n  disable: [no-such-rule]\n");
    Cli unknown = Cli.run("manifests", file.toString(), "--config", config.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo("error: " + config + ": names rules that do not exist: no-such-rule\n");

    Files.writeString(config, "apiVersion: kubeattest.io/v1alpha1\nkind: Config\nrulez: {}\n");
    Cli typo = Cli.run("manifests", file.toString(), "--config", config.toString());
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("error: " + config + ":3: unknown field 'rulez'\n");
  }
}
