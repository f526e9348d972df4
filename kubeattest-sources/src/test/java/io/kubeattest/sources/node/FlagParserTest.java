package io.kubeattest.sources.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagParserTest {

  private static ParsedFlags parse(String... tokens) {
    return FlagParser.parse(Arrays.asList(tokens));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("every flag form the Go flag libraries accept gives the same value")
  @CsvSource(
      delimiter = '|',
      value = {
        "--audit-log-maxage=30           | audit-log-maxage | 30",
        "--audit-log-maxage 30           | audit-log-maxage | 30",
        "-audit-log-maxage=30            | audit-log-maxage | 30",
        "-audit-log-maxage 30            | audit-log-maxage | 30",
        "--token-auth-file               | token-auth-file  | true",
        "--anonymous-auth=false          | anonymous-auth   | false",
        "--oom-score-adj -999            | oom-score-adj    | -999",
        "--enable-admission-plugins=A,B  | enable-admission-plugins | A,B",
        "--feature-gates=A=true,B=false  | feature-gates    | A=true,B=false",
        "--bind-address=                 | bind-address     | ''",
        "-v 2                            | v                | 2",
      })
  void parsesForms(String commandLine, String name, String expected) {
    ParsedFlags flags = parse(commandLine.trim().split(" ", -1));
    assertThat(flags.last(name)).isEqualTo(expected);
  }

  @Test
  @DisplayName("a bare flag followed by another flag is true, in both dash forms")
  void bareFlags() {
    ParsedFlags flags = parse("--profiling", "--client-cert-auth", "-peer-auto-tls", "-name", "x");
    assertThat(flags.values())
        .containsEntry("profiling", List.of("true"))
        .containsEntry("client-cert-auth", List.of("true"))
        .containsEntry("peer-auto-tls", List.of("true"))
        .containsEntry("name", List.of("x"));
  }

  @Test
  @DisplayName("a repeated flag keeps every value in order and the last one wins as a scalar")
  void repeated() {
    ParsedFlags flags =
        parse(
            "--kube-apiserver-arg=a=1",
            "--kube-apiserver-arg",
            "b=2",
            "--profiling=true",
            "--profiling=false");
    assertThat(flags.values().get("kube-apiserver-arg")).containsExactly("a=1", "b=2");
    assertThat(flags.last("profiling")).isEqualTo("false");
    assertThat(flags.scalarFacts())
        .isEqualTo(Map.of("kube-apiserver-arg", "b=2", "profiling", "false"));
  }

  @Test
  @DisplayName(
      "a boolean flag never takes a separate value, as in pflag: --profiling false is true")
  void booleanFlagWithSeparateText() {
    ParsedFlags flags = parse("--profiling", "false", "--anonymous-auth", "false");
    assertThat(flags.last("profiling")).isEqualTo("true");
    assertThat(flags.last("anonymous-auth")).isEqualTo("true");
    assertThat(flags.args()).containsExactly("false", "false");
  }

  @Test
  @DisplayName("-- ends the flags and a lone dash is positional")
  void terminator() {
    ParsedFlags flags = parse("--a=1", "-", "--", "--b=2", "-c");
    assertThat(flags.values()).containsOnlyKeys("a");
    assertThat(flags.args()).containsExactly("-", "--b=2", "-c");
  }

  @Test
  @DisplayName("flags and positional arguments interleave (pflag keeps parsing after a positional)")
  void interleaved() {
    ParsedFlags flags = parse("serve", "--port=1", "extra", "--name", "n");
    assertThat(flags.args()).containsExactly("serve", "extra");
    assertThat(flags.last("port")).isEqualTo("1");
    assertThat(flags.last("name")).isEqualTo("n");
  }
}
