package io.kubeattest.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.oci.Descriptor;
import io.kubeattest.image.oci.MediaTypes;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.scan.ImageScanner;
import io.kubeattest.image.testing.LocalRegistry;
import io.kubeattest.image.testing.TestImage;
import io.kubeattest.image.testing.TestLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real registry: Debian's {@code docker-registry} listening on 127.0.0.1 only, the image
 * pushed with {@code skopeo}. Skipped (by assumption) only when those binaries are not installed;
 * CI installs them ({@code apt-get install -y docker-registry skopeo}).
 */
class LocalRegistryTest {
  @TempDir static Path temp;
  private static LocalRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(LocalRegistry.available(), "docker-registry and skopeo are not installed");
    registry = LocalRegistry.start(temp.resolve("registry"));
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  /** What a pull by reference gave: the manifest's layers and the scan. */
  private record Pulled(List<Descriptor> layers, ImageReport report) {}

  private static Pulled pull(String reference) {
    RegistryClient client =
        new RegistryClient(RegistryCredentials.none(), true, Duration.ofSeconds(20));
    ImageReference ref = ImageReference.parse(reference);
    try (ResolvedImage resolved = client.open(ref, Platform.LINUX_AMD64)) {
      return new Pulled(
          resolved.manifest().layers(),
          new ImageScanner(LayerLimits.DEFAULT).scan(resolved, ref.tag()));
    }
  }

  @Test
  @DisplayName(
      "an image pushed with skopeo is pulled by reference over plain HTTP on loopback and scanned")
  void pushThenScan() throws Exception {
    TestImage image = TestImage.debianLike();
    ImageReport report =
        pull(registry.push(image, temp.resolve("oci"), "kubeattest/debian-like", "1.0")).report();
    assertThat(report.packages())
        .hasSize(23)
        .extracting(ImagePackage::purl)
        .contains("pkg:maven/org.apache.commons/commons-text@1.10.0");
    assertThat(report.manifestDigest().value()).isEqualTo(image.blobs().manifest().digest());
  }

  @Test
  @DisplayName(
      "an image with zstd layers, pushed as they are, is pulled by reference and gives the same"
          + " packages")
  void zstdImageByReference() throws Exception {
    TestImage image = TestImage.debianLike().compression(TestImage.Compression.ZSTD);
    Pulled pulled =
        pull(registry.push(image, temp.resolve("oci-zstd"), "kubeattest/debian-like-zstd", "1.0"));
    assertThat(pulled.layers())
        .extracting(Descriptor::mediaType)
        .containsOnly(MediaTypes.OCI_LAYER_ZSTD);
    assertThat(pulled.report().packages())
        .hasSize(23)
        .extracting(ImagePackage::purl)
        .contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
    assertThat(pulled.report().manifestDigest().value())
        .isEqualTo(image.blobs().manifest().digest());
  }

  @Test
  @DisplayName(
      "skopeo's zstd:chunked layers (a frame per file, skippable frames) are read by reference")
  void zstdChunkedImageByReference() throws Exception {
    // layers of its own: skopeo would reuse (mount) the gzip blobs another test pushed
    TestImage image =
        TestImage.create()
            .layer(
                TestLayer.debianPackages()
                    .file("opt/zstd-chunked", "a layer no other test pushes\n"))
            .layer(TestLayer.create().file("opt/second", "and a second frame-per-file layer\n"));
    Pulled pulled =
        pull(
            registry.push(
                image,
                temp.resolve("oci-chunked"),
                "kubeattest/debian-like-chunked",
                "1.0",
                "--dest-compress-format",
                "zstd:chunked"));
    assertThat(pulled.layers())
        .allSatisfy(
            layer -> {
              assertThat(layer.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_ZSTD);
              assertThat(layer.annotations())
                  .containsKey("io.containers.zstd-chunked.manifest-checksum");
            });
    assertThat(pulled.report().packages())
        .hasSize(22)
        .extracting(ImagePackage::purl)
        .contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
    assertThat(pulled.report().warnings()).isEmpty();
  }
}
