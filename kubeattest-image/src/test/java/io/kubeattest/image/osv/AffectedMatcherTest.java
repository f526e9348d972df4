package io.kubeattest.image.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.image.version.Ecosystem;
import io.kubeattest.image.version.VersionFormatException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AffectedMatcherTest {
  private final AffectedMatcher matcher = new AffectedMatcher();

  private Optional<AffectedMatch> match(String fixture, PackageQuery query) {
    return matcher.match(OsvFixtures.load(fixture), query);
  }

  /** "-" for not affected, "affected" with no fixed version, else the fixed version shown. */
  private String verdict(String fixture, PackageQuery query) {
    return match(fixture, query).map(m -> m.fixed().orElse("affected")).orElse("-");
  }

  private static PackageQuery query(Ecosystem e, @Nullable String release, String name, String v) {
    return new PackageQuery(e, release, name, v);
  }

  @ParameterizedTest(name = "openssl {0} on Debian {1} -> {2}")
  @DisplayName("Debian: source package, release suffix, tilde backports, fixed is exclusive")
  @CsvSource({
    "3.0.11-1~deb12u1, 12, 3.0.11-1~deb12u2",
    "3.0.9-1,          12, 3.0.11-1~deb12u2",
    "3.0.11-1~deb12u2, 12, -",
    "3.0.11-1,         12, -",
    "1:0.1,            12, -",
    "1.1.1n-0+deb11u5, 11, 1.1.1w-0+deb11u1",
    "1.1.1w-0+deb11u1, 11, -",
  })
  void debian(String version, String release, String expected) {
    assertThat(verdict("debian-openssl.json", query(Ecosystem.DEBIAN, release, "openssl", version)))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("Debian advisories match the source package name, not a binary package of it")
  void debianBinaryNameDoesNotMatch() {
    assertThat(match("debian-openssl.json", query(Ecosystem.DEBIAN, "12", "libssl3", "3.0.9-1")))
        .isEmpty();
    assertThat(match("debian-openssl.json", query(Ecosystem.UBUNTU, "12", "openssl", "3.0.9-1")))
        .isEmpty();
  }

  @Test
  @DisplayName("Without a release the query matches every release's entry; the first wins")
  void noRelease() {
    Optional<AffectedMatch> m =
        match(
            "debian-openssl.json",
            PackageQuery.of(Ecosystem.DEBIAN, "openssl", "1.1.1n-0+deb11u5"));

    assertThat(m)
        .get()
        .extracting(x -> Objects.requireNonNull(x.affected().pkg()).ecosystem())
        .isEqualTo("Debian:12");
  }

  @ParameterizedTest(name = "curl {0} on Alpine {1} -> {2}")
  @DisplayName("Alpine: v-prefixed release matches os-release versions, -rN revisions order")
  @CsvSource({
    "8.4.0-r0,  3.19.1, 8.5.0-r0",
    "8.5.0-r0,  3.19.1, -",
    "8.5.0-r1,  3.19,   -",
    "8.4.0-r10, 3.19.0, 8.5.0-r0",
    "8.4.0-r0,  3.18.4, -",
    "8.4.0-r0,  3.1,    -",
  })
  void alpine(String version, String release, String expected) {
    assertThat(verdict("alpine-curl.json", query(Ecosystem.ALPINE, release, "curl", version)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @DisplayName("PyPI: normalised names, pre-releases inside ranges, several ranges, versions list")
  @CsvSource({
    "Django, 4.2rc1,  4.2.7",
    "django, 4.2.6,   4.2.7",
    "DJANGO, 4.2.7,   -",
    "django, 4.1.13,  -",
    "django, 4.2a0,   -",
    "django, 4.2.7.post1, -",
    "django, 5.0b1,   5.0rc1",
    "django, 5.0rc1,  -",
    "django, 5.0,     -",
    "django, 3.2.22,  4.2.7",
    "django, 3.2.21,  -",
  })
  void pypi(String name, String version, String expected) {
    assertThat(verdict("pypi-django.json", PackageQuery.of(Ecosystem.PYPI, name, version)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "log4j-core {0} -> {1}")
  @DisplayName("Maven: unsorted introduced/fixed pairs in one range, qualifiers order")
  @CsvSource({
    "2.14.1,      2.15.0",
    "2.15.0,      -",
    "2.16.0,      -",
    "2.12.1,      2.12.2",
    "2.12.2,      -",
    "2.13.0-rc1,  -",
    "2.3,         2.3.1",
    "2.0,         2.3.1",
    "2.0-beta9,   2.3.1",
    "2.0-beta8,   -",
    "2.0-alpha1,  -",
    "2.3.1,       -",
    "1.2.17,      -",
  })
  void maven(String version, String expected) {
    assertThat(
            verdict(
                "maven-log4j.json",
                PackageQuery.of(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core", version)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "x/net {0} -> {1}")
  @DisplayName("Go: SEMVER range against v-prefixed versions and pseudo-versions; GIT ignored")
  @CsvSource({
    "v0.15.0,                            0.17.0",
    "v0.17.0,                            -",
    "v0.17.0+incompatible,               -",
    "v0.0.0-20211209124913-491a49abca63, 0.17.0",
    "v0.17.1-0.20231010000000-abcdef123456, -",
  })
  void go(String version, String expected) {
    assertThat(verdict("go-x-net.json", PackageQuery.of(Ecosystem.GO, "golang.org/x/net", version)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @DisplayName("npm: last_affected is inclusive and gives no fixed version; limit bounds a range")
  @CsvSource({
    "lodash,   4.17.20,      affected",
    "lodash,   4.17.21,      -",
    "lodash,   4.17.21-rc.1, -",
    "lodash,   1.0.0,        affected",
    "minimist, 1.2.5,        affected",
    "minimist, 0.2.1,        -",
    "minimist, 2.0.0,        -",
    "minimist, 2.1.0,        -",
    "Lodash,   4.17.20,      -",
  })
  void npm(String name, String version, String expected) {
    assertThat(verdict("npm-lodash.json", PackageQuery.of(Ecosystem.NPM, name, version)))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("A withdrawn record and a GIT-only record match nothing")
  void withdrawnAndGitOnly() {
    assertThat(match("withdrawn.json", PackageQuery.of(Ecosystem.NPM, "lodash", "1.0.0")))
        .isEmpty();
    assertThat(match("git-only.json", query(Ecosystem.ALPINE, "3.19", "curl", "8.0.0-r0")))
        .isEmpty();
  }

  @Test
  @DisplayName("The match carries the record and the affected entry that matched")
  void matchCarriesEntry() {
    AffectedMatch m =
        match("npm-lodash.json", PackageQuery.of(Ecosystem.NPM, "minimist", "1.2.5")).orElseThrow();

    assertThat(m.record().id()).isEqualTo("KA-TEST-NPM-0001");
    assertThat(Objects.requireNonNull(m.affected().pkg()).name()).isEqualTo("minimist");
  }

  @Test
  @DisplayName("An unreadable installed version fails naming the version and ecosystem")
  void badQueryVersion() {
    assertThatThrownBy(
            () ->
                match("debian-openssl.json", query(Ecosystem.DEBIAN, "12", "openssl", "3.0 beta")))
        .isInstanceOf(VersionFormatException.class)
        .hasMessageContaining("'3.0 beta'")
        .hasMessageContaining("Debian");
  }

  @Test
  @DisplayName("An unreadable version inside a record fails naming the record")
  void badRecordVersion() {
    assertThatThrownBy(
            () -> match("bad/bad-event-version.json", query(Ecosystem.DEBIAN, "12", "x", "1.0-1")))
        .isInstanceOf(OsvFormatException.class)
        .hasMessageContaining("KA-TEST-BAD-0005")
        .hasMessageContaining("'not:valid!'");
  }
}
