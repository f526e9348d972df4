package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DpkgStatusReaderTest {
  private final DpkgStatusReader reader = new DpkgStatusReader();

  /** The line our oracle files hold: what dpkg-query prints for an installed package. */
  static String oracleLine(InstalledPackage p) {
    return String.join(" ", p.name(), p.fullVersion(), p.arch(), p.sourceName(), p.sourceVersion());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"status", "status-edge-cases"})
  @DisplayName("lists exactly the installed packages dpkg-query lists, with their source packages")
  void agreesWithDpkgQuery(String file) {
    List<InstalledPackage> packages = reader.read(TestResources.path("dpkg/" + file));

    assertThat(packages.stream().map(DpkgStatusReaderTest::oracleLine))
        .containsExactlyInAnyOrderElementsOf(
            TestResources.lines("dpkg/" + file + ".dpkg-query.txt"));
  }

  @Test
  @DisplayName("splits epoch and revision, keeps multi-arch twins apart, and builds Debian purls")
  void details() {
    List<InstalledPackage> packages = reader.read(TestResources.path("dpkg/status-edge-cases"));
    Distro bookworm = new Distro("debian", "12");

    assertThat(packages.stream().map(p -> p.purl(bookworm)))
        .containsExactly(
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc",
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=i386&distro=debian-12&upstream=glibc",
            "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12"
                + "&upstream=bash%405.2.15-2",
            "pkg:deb/debian/login@4.13%2Bdfsg1-1?arch=amd64&distro=debian-12&epoch=1"
                + "&upstream=shadow",
            "pkg:deb/debian/debconf@1.5.82?arch=all&distro=debian-12");
    InstalledPackage login = packages.get(3);
    assertThat(login.epoch()).isEqualTo(1);
    assertThat(login.version()).isEqualTo("4.13+dfsg1");
    assertThat(login.release()).isEqualTo("1");
    assertThat(packages.get(4).release()).isNull();
  }

  @Test
  @DisplayName("reads distroless status.d files, which have no Status field, and skips md5sums")
  void distroless() throws IOException {
    Path dir = TestResources.path("dpkg/status.d");
    List<InstalledPackage> packages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir).sorted()) {
      for (Path file : files.toList()) {
        String path = "var/lib/dpkg/status.d/" + file.getFileName();
        if (reader.accepts(path)) {
          packages.addAll(reader.read(file));
        }
      }
    }

    assertThat(packages.stream().map(DpkgStatusReaderTest::oracleLine))
        .containsExactly(
            "base-files 12.4+deb12u5 amd64 base-files 12.4+deb12u5",
            "libssl3 3.0.11-1~deb12u2 amd64 openssl 3.0.11-1~deb12u2",
            "tzdata 2024a-0+deb12u1 all tzdata 2024a-0+deb12u1");
    assertThat(packages.get(1).purl(new Distro("debian", "12")))
        .isEqualTo(
            "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "var/lib/dpkg/status, true",
    "/var/lib/dpkg/status, true",
    "var/lib/dpkg/status.d/libssl3, true",
    "var/lib/dpkg/status.d/libssl3.md5sums, false",
    "var/lib/dpkg/status-old, false",
    "var/lib/dpkg/available, false"
  })
  @DisplayName("accepts the status file and status.d entries by path")
  void accepts(String path, boolean expected) {
    assertThat(reader.accepts(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Package: a\\nVersion: x:1.0\\n| var/lib/dpkg/status: package a has version x:1.0 with a"
            + " bad epoch",
        "Package: a\\nStatus: install ok installed\\n| var/lib/dpkg/status: package a has no"
            + " Version field",
        "' leading continuation\\n'| var/lib/dpkg/status: line 1 continues a field, but no field"
            + " precedes it",
        "Package a\\n| var/lib/dpkg/status: line 1 is not of the form 'Field: value'",
        "Package: a\\nVersion: 1.0-\\n| var/lib/dpkg/status: package a has malformed version 1.0-"
      })
  @DisplayName("malformed paragraphs give a one-line error naming the file")
  void malformed(String text, String message) {
    byte[] bytes = text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.read("var/lib/dpkg/status", new ByteArrayInputStream(bytes)))
        .isInstanceOf(PackageReadException.class)
        .hasMessage(message);
  }
}
