package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.testing.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our verdicts agree with the Pod Security Admission reference implementation on its own generated
 * fixtures ({@code test/testdata/<level>/v1.N/<pass|fail>/*.yaml}, copied with their commits into
 * {@code src/test/resources/pss-fixtures}, see the README there): a pass fixture gives no FAIL for
 * any rule of its level's profile at its version, a fail fixture gives at least one.
 */
class PsaFixtureAgreementTest {
  private static final String ROOT = "/pss-fixtures/";

  /** One PSA fixture: its level, policy version and expected verdict come from its path. */
  record Fixture(String path) {
    String level() {
      return path.substring(0, path.indexOf('/'));
    }

    int version() {
      String v = path.split("/")[1];
      return Integer.parseInt(v.substring("v1.".length()));
    }

    boolean expectedToPass() {
      return path.split("/")[2].equals("pass");
    }

    @Override
    public String toString() {
      return path;
    }
  }

  static Stream<Fixture> fixtures() {
    return read("SOURCES.tsv")
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> new Fixture(l.split("\t")[0]));
  }

  static Stream<Fixture> conflicting() {
    return read("CONFLICTS.tsv")
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> new Fixture(l.split("\t")[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("the profile of the fixture's level, at its version, gives PSA's verdict")
  void agrees(Fixture fixture) {
    List<String> failed = failingRules(fixture);
    if (fixture.expectedToPass()) {
      assertThat(failed).as("rules failing a PSA pass fixture").isEmpty();
    } else {
      assertThat(failed).as("rules failing a PSA fail fixture").isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conflicting")
  @DisplayName(
      "a fixture from a PSA revision that contradicts the reference commit gets the opposite verdict")
  void conflictingFixturesFollowTheReferenceCommit(Fixture fixture) {
    assertThat(failingRules(fixture).isEmpty()).isNotEqualTo(fixture.expectedToPass());
  }

  /** The rules of the fixture's profile that FAIL it at its version; no rule may give ERROR. */
  private static List<String> failingRules(Fixture fixture) {
    Set<String> profile = PodSecurityStandardsTest.profile(fixture.level());
    List<Finding> findings =
        Manifests.scan(
                Manifests.builtInCatalogue(),
                fixture.path(),
                read(fixture.path()),
                Map.of("pssVersion", fixture.version()))
            .findings()
            .stream()
            .filter(f -> profile.contains(f.ruleId()))
            .toList();
    assertThat(findings).as("findings on %s", fixture).isNotEmpty();
    assertThat(findings).extracting(Finding::status).doesNotContain(Status.ERROR);
    return findings.stream().filter(f -> f.status() == Status.FAIL).map(Finding::ruleId).toList();
  }

  @Test
  @DisplayName("the copied fixtures cover both levels, both verdicts and several versions")
  void coverage() {
    List<Fixture> all = fixtures().toList();
    assertThat(all).extracting(Fixture::level).contains("baseline", "restricted");
    assertThat(all).filteredOn(Fixture::expectedToPass).isNotEmpty();
    assertThat(all).filteredOn(f -> !f.expectedToPass()).isNotEmpty();
    assertThat(all.stream().map(Fixture::version).distinct().count()).isGreaterThanOrEqualTo(5);
  }

  private static String read(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            PsaFixtureAgreementTest.class.getResourceAsStream(ROOT + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
