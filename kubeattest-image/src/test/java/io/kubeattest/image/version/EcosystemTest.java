package io.kubeattest.image.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcosystemTest {

  @ParameterizedTest(name = "{0} -> {1}, release {2}")
  @DisplayName("OSV ecosystem names are read with and without a release suffix")
  @CsvSource(
      delimiter = '|',
      value = {
        "Debian:12 | DEBIAN | 12",
        "Alpine:v3.19 | ALPINE | v3.19",
        "Ubuntu:22.04:LTS | UBUNTU | 22.04:LTS",
        "Ubuntu:Pro:18.04:LTS | UBUNTU | Pro:18.04:LTS",
        "Red Hat:enterprise_linux:9::appstream | RED_HAT | enterprise_linux:9::appstream",
        "Rocky Linux:9 | ROCKY_LINUX | 9",
        "AlmaLinux:8 | ALMALINUX | 8",
        "SUSE:Linux Enterprise Server 15 SP5 | SUSE | Linux Enterprise Server 15 SP5",
        "openSUSE:Leap 15.5 | OPENSUSE | Leap 15.5",
        "Mariner:2.0 | MARINER | 2.0",
        "Azure Linux:3.0 | AZURE_LINUX | 3.0",
        "Maven | MAVEN | ",
        "npm | NPM | ",
        "PyPI | PYPI | ",
        "pypi | PYPI | ",
        "Go | GO | ",
        "crates.io | CRATES_IO | ",
        "RubyGems | RUBYGEMS | ",
        "NuGet | NUGET | ",
        "Packagist | PACKAGIST | ",
        "Pub | PUB | ",
        "CRAN | CRAN | ",
        "Hackage | HACKAGE | ",
      })
  void fromOsvName(String name, Ecosystem expected, String release) {
    assertThat(Ecosystem.fromOsvName(name)).contains(expected);
    assertThat(Ecosystem.osvRelease(name)).isEqualTo(Optional.ofNullable(release));
  }

  @Test
  @DisplayName("Ecosystems without an ordering here are unknown, not an error")
  void unknown() {
    assertThat(Ecosystem.fromOsvName("OSS-Fuzz")).isEmpty();
    assertThat(Ecosystem.fromOsvName("Linux")).isEmpty();
    assertThat(Ecosystem.fromOsvName("")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @DisplayName("An unreadable version fails naming the version and the ecosystem")
  @CsvSource(
      delimiter = '|',
      value = {
        "DEBIAN | 1.2.3-not-a-debian:version!@#$",
        "DEBIAN | a:1.0",
        "DEBIAN | 1.0-",
        "DEBIAN | ''",
        "NPM | latest",
        "GO | v1.2.x",
        "HACKAGE | 1.0-beta",
        "CRAN | 1.0a",
        "RUBYGEMS | beta",
        "ALPINE | ' '",
        "MAVEN | ''",
        "RED_HAT | ''",
      })
  void invalid(Ecosystem ecosystem, String version) {
    assertThatThrownBy(() -> ecosystem.compare(version, "1.0"))
        .isInstanceOf(VersionFormatException.class)
        .hasMessageContaining("'" + version + "'")
        .hasMessageContaining(ecosystem.osvName())
        .satisfies(e -> assertThat(((VersionFormatException) e).version()).isEqualTo(version));
  }

  @ParameterizedTest(name = "{0}: {1} {2} {3}")
  @DisplayName("Orderings beyond the vector files")
  @CsvSource(
      delimiter = '|',
      value = {
        // dpkg: tilde before anything, even the end; epochs beat everything
        "DEBIAN | 1.0~rc1 | < | 1.0",
        "DEBIAN | 1.0~~ | < | 1.0~",
        "DEBIAN | 1.0 | < | 1.0+b1",
        "DEBIAN | 1:0.1 | > | 9.9",
        "DEBIAN | 1.0a | < | 1.0+",
        // apk: numeric revisions (a plain string order would get -r10 < -r9 wrong)
        "ALPINE | 1.2.3-r10 | > | 1.2.3-r9",
        "ALPINE | 1.2.3_rc1 | < | 1.2.3",
        "ALPINE | 1.2.3_p1 | > | 1.2.3",
        "ALPINE | 1.2.3a | > | 1.2.3",
        // rpm: tilde and caret
        "RED_HAT | 1.0~beta | < | 1.0",
        "RED_HAT | 1.0^git1 | > | 1.0",
        "RED_HAT | 1:1.0-1.el9 | > | 2.0-1.el9",
        "RED_HAT | 1.0-1.el9_2 | > | 1.0-1.el9",
        // SemVer and Go
        "GO | v1.2.3+incompatible | = | v1.2.3",
        "GO | v0.0.0-20211209124913-491a49abca63 | < | v0.0.1",
        "GO | v1.2.4-0.20211209124913-491a49abca63 | > | v1.2.3",
        "GO | v1.2.4-0.20211209124913-491a49abca63 | < | v1.2.4",
        "NPM | 1.2.3-beta.10 | > | 1.2.3-beta.9",
        "CRATES_IO | 1.0.0-alpha | < | 1.0.0-alpha.1",
        // PEP 440 (a plain string order would get 1.0rc1 > 1.0 wrong)
        "PYPI | 1.0rc1 | < | 1.0",
        "PYPI | 1.0-1 | = | 1.0.post1",
        "PYPI | 1.0RC1 | = | 1.0rc1",
        "PYPI | 1.0.0 | = | 1.0",
        "PYPI | v1.0 | = | 1.0",
        "PYPI | 1!0.1 | > | 2.0",
        "PYPI | 1.0.dev1 | < | 1.0a1",
        "PYPI | 1.0.post1.dev1 | < | 1.0.post1",
        "PYPI | 1.0+ubuntu1 | > | 1.0",
        // Maven
        "MAVEN | 1.0-sp1 | > | 1.0",
        "MAVEN | 1.0-SNAPSHOT | < | 1.0",
        "MAVEN | 1.0-RC1 | < | 1.0-SNAPSHOT",
        "MAVEN | 1.0.Final | = | 1.0",
        "MAVEN | 2.0.0.RELEASE | = | 2.0.0",
        "MAVEN | 1.0-m1 | < | 1.0-rc1",
        // others
        "RUBYGEMS | 1.0.0.pre | < | 1.0.0",
        "NUGET | 1.0.0-RC.1 | = | 1.0.0-rc.1",
        "PACKAGIST | 1.0.0-beta1 | < | 1.0.0-RC1",
        "PUB | 1.0.0+1 | < | 1.0.0+2",
        "CRAN | 1.0-10 | > | 1.0-9",
        "HACKAGE | 1.0 | < | 1.0.0",
      })
  void orderings(Ecosystem ecosystem, String a, String op, String b) {
    int expected = op.equals("<") ? -1 : op.equals(">") ? 1 : 0;

    assertThat(Integer.signum(ecosystem.compare(a, b))).isEqualTo(expected);
    assertThat(Integer.signum(ecosystem.compare(b, a))).isEqualTo(-expected);
  }

  @Test
  @DisplayName("Each ecosystem uses the ordering of its family")
  void schemes() {
    assertThat(Ecosystem.UBUNTU.scheme()).isEqualTo(VersionScheme.DPKG);
    assertThat(Ecosystem.ROCKY_LINUX.scheme()).isEqualTo(VersionScheme.RPM);
    assertThat(Ecosystem.AZURE_LINUX.scheme()).isEqualTo(VersionScheme.RPM);
    assertThat(Ecosystem.WOLFI.scheme()).isEqualTo(VersionScheme.APK);
    assertThat(Ecosystem.GO.scheme()).isEqualTo(VersionScheme.SEMVER);
  }
}
