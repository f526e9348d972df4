package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApkInstalledReaderTest {
  private final ApkInstalledReader reader = new ApkInstalledReader();

  @Test
  @DisplayName("reads the 15 packages of alpine:3.19.0 with version, arch, origin and licence")
  void readsAlpineBase() {
    List<InstalledPackage> packages = reader.read(TestResources.path("apk/installed"));

    assertThat(packages).hasSize(15);
    assertThat(packages.stream().map(p -> p.name() + " " + p.version() + " " + p.sourceName()))
        .contains(
            "musl 1.2.4_git20230717-r4 musl",
            "busybox-binsh 1.36.1-r15 busybox",
            "libcrypto3 3.1.4-r1 openssl",
            "scanelf 1.3.7-r2 pax-utils");
    InstalledPackage ca = packages.get(6);
    assertThat(ca.name()).isEqualTo("ca-certificates-bundle");
    assertThat(ca.licence()).isEqualTo("MPL-2.0 AND MIT");
    assertThat(ca.arch()).isEqualTo("x86_64");
    assertThat(ca.epoch()).isNull();
    assertThat(ca.fullVersion()).isEqualTo("20230506-r0");
    assertThat(ca.purl(new Distro("alpine", "3.19.0")))
        .isEqualTo(
            "pkg:apk/alpine/ca-certificates-bundle@20230506-r0?arch=x86_64&distro=alpine-3.19.0"
                + "&upstream=ca-certificates");
    assertThat(packages.get(0).purl(null))
        .isEqualTo("pkg:apk/alpine/alpine-baselayout@3.4.3-r2?arch=x86_64");
  }

  @Test
  @DisplayName("a record without a name or a line without K: gives an error naming file and line")
  void malformed() {
    assertThatThrownBy(() -> read("P:musl\nV:1.2.4-r2\n\nV:1.0-r0\nA:x86_64\n"))
        .isInstanceOf(PackageReadException.class)
        .hasMessage(
            "lib/apk/db/installed: the record at line 4 lacks a P: (name) or V: (version) line");
    assertThatThrownBy(() -> read("P:musl\nversion 1\n"))
        .isInstanceOf(PackageReadException.class)
        .hasMessage("lib/apk/db/installed: line 2 is not of the form 'K:value'");
    assertThat(reader.accepts("lib/apk/db/installed")).isTrue();
    assertThat(reader.accepts("lib/apk/db/triggers")).isFalse();
  }

  private List<InstalledPackage> read(String text) {
    return reader.read(
        "lib/apk/db/installed", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
