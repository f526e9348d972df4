package io.kubeattest.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.scan.ImageScanner;
import io.kubeattest.image.testing.LocalRegistry;
import io.kubeattest.image.testing.TestImage;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  @DisplayName(
      "an image pushed with skopeo is pulled by reference over plain HTTP on loopback and scanned")
  void pushThenScan() throws Exception {
    TestImage image = TestImage.debianLike();
    String reference = registry.push(image, temp.resolve("oci"), "kubeattest/debian-like", "1.0");
    RegistryClient client =
        new RegistryClient(RegistryCredentials.none(), true, Duration.ofSeconds(20));
    ImageReference ref = ImageReference.parse(reference);
    try (ResolvedImage resolved = client.open(ref, Platform.LINUX_AMD64)) {
      ImageReport report = new ImageScanner(LayerLimits.DEFAULT).scan(resolved, ref.tag());
      assertThat(report.packages()).hasSize(23);
      assertThat(report.packages())
          .extracting(ImagePackage::purl)
          .contains("pkg:maven/org.apache.commons/commons-text@1.10.0");
      assertThat(report.manifestDigest().value()).isEqualTo(image.blobs().manifest().digest());
    }
  }
}
