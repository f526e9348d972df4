package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstalledPackageTest {

  @Test
  @DisplayName("the Debian purl has the shape Trivy and Syft emit, with the distro passed in")
  void debianPurl() {
    InstalledPackage openssl =
        InstalledPackage.builder(PackageType.DEB, "openssl", "3.0.11", "var/lib/dpkg/status")
            .release("1~deb12u2")
            .arch("amd64")
            .source("openssl", "3.0.11-1~deb12u2", null)
            .build();

    assertThat(openssl.purl(new Distro("Debian", "12")))
        .isEqualTo("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12");
    assertThat(openssl.purl(new Distro("ubuntu", "22.04")))
        .isEqualTo("pkg:deb/ubuntu/openssl@3.0.11-1~deb12u2?arch=amd64&distro=ubuntu-22.04");
    assertThat(openssl.purl(null)).isEqualTo("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "GOLANG, github.com/BurntSushi/toml, v1.3.2, pkg:golang/github.com/burntsushi/toml@v1.3.2",
    "GOLANG, stdlib, v1.21.5, pkg:golang/stdlib@v1.21.5",
    "NPM, @angular/core, 17.0.0, pkg:npm/%40angular/core@17.0.0",
    "MAVEN, org.apache.logging.log4j:log4j-core, 2.14.1,"
        + " pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
    "PYPI, PyYAML, 6.0.1, pkg:pypi/pyyaml@6.0.1"
  })
  @DisplayName(
      "language purls split names into namespace and name; packageurl-java lower-cases Go paths")
  void languagePurls(PackageType ecosystem, String name, String version, String purl) {
    assertThat(InstalledPackage.builder(ecosystem, name, version, "x").build().purl(null))
        .isEqualTo(purl);
  }

  @Test
  @DisplayName("fullVersion joins epoch, version and release the way rpm and dpkg compare them")
  void fullVersion() {
    InstalledPackage p =
        InstalledPackage.builder(PackageType.RPM, "openssl-libs", "1.1.1k", "x")
            .epoch(1)
            .release("9.el8")
            .build();

    assertThat(p.fullVersion()).isEqualTo("1:1.1.1k-9.el8");
    assertThat(
            InstalledPackage.builder(PackageType.APK, "musl", "1.2.4-r2", "x")
                .build()
                .fullVersion())
        .isEqualTo("1.2.4-r2");
  }

  @Test
  @DisplayName("blank names, a Maven name without group and negative epochs are refused")
  void validation() {
    assertThatThrownBy(() -> InstalledPackage.builder(PackageType.DEB, " ", "1", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> InstalledPackage.builder(PackageType.MAVEN, "log4j", "1", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Maven name is groupId:artifactId, not log4j");
    assertThatThrownBy(
            () -> InstalledPackage.builder(PackageType.RPM, "a", "1", "x").epoch(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Distro("alpine", " ").qualifier()).isEqualTo("alpine");
  }
}
