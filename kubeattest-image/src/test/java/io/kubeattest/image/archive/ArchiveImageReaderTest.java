package io.kubeattest.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.scan.ImageScanner;
import io.kubeattest.image.testing.TestImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveImageReaderTest {
  @TempDir Path temp;

  private static List<String> purls(Path path) {
    try (ResolvedImage image = new ArchiveImageReader().open(path, Platform.LINUX_AMD64)) {
      ImageReport report = new ImageScanner(LayerLimits.DEFAULT).scan(image, null);
      return report.packages().stream().map(ImagePackage::purl).sorted().toList();
    }
  }

  @Test
  @DisplayName(
      "OCI layout directory, OCI layout tar and classic docker-save tar give the same packages")
  void threeFormsAgree() {
    TestImage image = TestImage.debianLike();
    List<String> fromDir = purls(image.writeOciLayout(temp.resolve("dir"), "1.0"));
    List<String> fromOciTar = purls(image.writeOciTar(temp.resolve("oci.tar")));
    List<String> fromDocker =
        purls(image.writeDockerArchive(temp.resolve("docker.tar"), "app:1.0"));
    assertThat(fromDir).hasSize(23);
    assertThat(fromOciTar).isEqualTo(fromDir);
    assertThat(fromDocker).isEqualTo(fromDir);
  }

  @Test
  @DisplayName("a layer blob whose bytes do not match its digest is refused, naming the blob")
  void wrongDigest() throws IOException {
    TestImage image = TestImage.debianLike();
    TestImage.Blobs blobs = image.blobs();
    Path dir = image.writeOciLayout(temp.resolve("dir"), "1.0");
    String layer = blobs.layers().get(1).digest();
    Path file = dir.resolve("blobs/sha256/" + layer.substring(7));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 20] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> purls(dir))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("blob " + layer)
        .hasMessageContaining("does not match its digest");
  }

  @Test
  @DisplayName("a manifest blob tampered with is refused before any layer is read")
  void wrongManifestDigest() throws IOException {
    TestImage image = TestImage.debianLike();
    Path dir = image.writeOciLayout(temp.resolve("dir"), "1.0");
    String manifest = image.blobs().manifest().digest();
    Path file = dir.resolve("blobs/sha256/" + manifest.substring(7));
    Files.writeString(file, Files.readString(file).replace("\"size\":", "\"size\": "));
    assertThatThrownBy(() -> purls(dir))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(manifest);
  }

  @Test
  @DisplayName("a file that is not an image gives a one-line error naming it")
  void notAnImage() throws IOException {
    Path file = Files.writeString(temp.resolve("x.tar"), "hello");
    assertThatThrownBy(() -> purls(file))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> purls(temp.resolve("missing")))
        .hasMessageContaining("no such file or directory");
  }
}
