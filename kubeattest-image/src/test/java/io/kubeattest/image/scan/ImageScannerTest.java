package io.kubeattest.image.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.image.archive.ArchiveImageReader;
import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.pkg.Distro;
import io.kubeattest.image.pkg.PackageType;
import io.kubeattest.image.testing.TestImage;
import io.kubeattest.image.testing.TestLayer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageScannerTest {
  @TempDir Path temp;

  private ImageReport scan(Path path) {
    try (ResolvedImage image = new ArchiveImageReader().open(path, Platform.LINUX_AMD64)) {
      return new ImageScanner(LayerLimits.DEFAULT).scan(image, "1.0");
    }
  }

  @Test
  @DisplayName(
      "a Debian image: OS from os-release behind a symlink, every dpkg package with purl and layer")
  void debianImage() {
    ImageReport report = scan(TestImage.debianLike().writeOciLayout(temp.resolve("oci"), "1.0"));
    assertThat(report.distro()).isEqualTo(new Distro("debian", "12"));
    List<ImagePackage> debs =
        report.packages().stream().filter(p -> p.installed().type() == PackageType.DEB).toList();
    assertThat(debs).hasSize(22);
    assertThat(debs)
        .extracting(ImagePackage::purl)
        .contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
    assertThat(debs).allSatisfy(p -> assertThat(p.layer()).isEqualTo(report.layers().get(0)));
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  @DisplayName("a whiteout in an upper layer removes the lower layer's jar and its package")
  void whiteoutRemovesPackage() {
    ImageReport report = scan(TestImage.debianLike().writeOciLayout(temp.resolve("oci"), "1.0"));
    List<ImagePackage> jars =
        report.packages().stream().filter(p -> p.installed().type() == PackageType.MAVEN).toList();
    assertThat(jars)
        .extracting(p -> p.installed().name())
        .containsExactly("org.apache.commons:commons-text");
    assertThat(jars.get(0).purl()).isEqualTo("pkg:maven/org.apache.commons/commons-text@1.10.0");
    assertThat(jars.get(0).layer()).isEqualTo(report.layers().get(1));
  }

  @Test
  @DisplayName("an opaque directory hides everything lower layers had in it")
  void opaqueDirectory() {
    TestImage image =
        TestImage.create()
            .layer(TestLayer.create().file("app/lib/a.jar", TestImage.jar("g", "a", "1")))
            .layer(
                TestLayer.create()
                    .opaque("app/lib")
                    .file("app/lib/b.jar", TestImage.jar("g", "b", "2")));
    ImageReport report = scan(image.writeOciLayout(temp.resolve("oci"), "x"));
    assertThat(report.packages()).extracting(p -> p.installed().name()).containsExactly("g:b");
  }

  @Test
  @DisplayName("Alpine and RPM (SQLite) databases are read; hardening facts are collected")
  void alpineAndRpm() {
    TestImage alpine =
        TestImage.create()
            .layer(
                TestLayer.create()
                    .file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
                    .file("lib/apk/db/installed", TestImage.resource("pkg/apk/installed"))
                    .file("bin/busybox", new byte[] {1}, 0755)
                    .symlink("bin/sh", "/bin/busybox")
                    .file("sbin/apk", new byte[] {1}, 0755)
                    .file("root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n")
                    .file("app/key.pem", "junk\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n")
                    .file("usr/bin/su", new byte[] {1}, 04755));
    ImageReport report = scan(alpine.writeOciLayout(temp.resolve("alpine"), "x"));
    assertThat(report.distro()).isEqualTo(new Distro("alpine", "3.19.1"));
    assertThat(report.packages())
        .hasSize(15)
        .allSatisfy(p -> assertThat(p.purl()).startsWith("pkg:apk/alpine/"));
    HardeningFacts hardening = report.hardening();
    assertThat(hardening).isNotNull();
    assertThat(hardening.shells()).containsExactly("/bin/sh", "/bin/busybox");
    assertThat(hardening.packageManagers()).containsExactly("/sbin/apk");
    assertThat(hardening.specialFiles())
        .extracting(HardeningFacts.SpecialFile::path)
        .containsExactly("/usr/bin/su");
    assertThat(hardening.secrets())
        .extracting(HardeningFacts.SecretFile::path)
        .containsExactlyInAnyOrder("/root/.ssh/id_rsa", "/app/key.pem");

    TestImage mariner =
        TestImage.create()
            .layer(
                TestLayer.create()
                    .file("etc/os-release", "ID=mariner\nVERSION_ID=\"2.0\"\n")
                    .file(
                        "var/lib/rpm/rpmdb.sqlite",
                        TestImage.resource("pkg/rpmdb/cbl-mariner-2.0/rpmdb.sqlite")));
    ImageReport rpm = scan(mariner.writeOciLayout(temp.resolve("mariner"), "x"));
    assertThat(rpm.packages()).hasSize(129);
    assertThat(rpm.packages()).allSatisfy(p -> assertThat(p.purl()).startsWith("pkg:rpm/mariner/"));
  }

  @Test
  @DisplayName("the facts tree is a Kubernetes-style object of kind Image")
  @SuppressWarnings("unchecked")
  void factsTree() {
    ImageReport report = scan(TestImage.debianLike().writeOciLayout(temp.resolve("oci"), "1.0"));
    Map<String, Object> tree = ImageFacts.tree(report, Instant.parse("2024-01-12T03:04:05Z"));
    assertThat(tree)
        .containsEntry("kind", "Image")
        .containsEntry("apiVersion", "kubeattest.io/v1alpha1");
    assertThat((Map<String, Object>) tree.get("image"))
        .containsEntry("ageDays", 10L)
        .containsEntry("tag", "1.0");
    Map<String, Object> config = (Map<String, Object>) tree.get("config");
    assertThat(config).containsEntry("user", "1000");
    assertThat((List<Object>) config.get("exposedPorts"))
        .containsExactly(Map.of("port", 8080, "protocol", "tcp"));
    Map<String, Object> files = (Map<String, Object>) tree.get("files");
    assertThat((List<Object>) files.get("shells")).containsExactly("/bin/sh", "/bin/dash");
    assertThat((List<Object>) files.get("setuid")).hasSize(1);
  }
}
