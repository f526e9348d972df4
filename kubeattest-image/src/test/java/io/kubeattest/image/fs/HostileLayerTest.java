package io.kubeattest.image.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.image.archive.ArchiveImageReader;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.testing.TestImage;
import io.kubeattest.image.testing.TestLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers that try to climb out, link out or blow up: refused with a clear message, nothing written.
 */
class HostileLayerTest {
  @TempDir Path temp;

  private LayeredFilesystem<String> read(TestImage image, LayerLimits limits) {
    Path dir = image.writeOciLayout(temp.resolve("image"), "x");
    try (ResolvedImage resolved = new ArchiveImageReader().open(dir, Platform.LINUX_AMD64)) {
      return new LayerStreamer(limits).read(resolved, (entry, content, layer) -> entry.path());
    }
  }

  private List<Path> everythingUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.toList();
    }
  }

  @Test
  @DisplayName(
      "entries with ../ or an absolute name are skipped with a warning naming them; nothing is written")
  void climbingEntries() throws IOException {
    TestImage image =
        TestImage.create()
            .layer(
                TestLayer.create()
                    .file("../../evil", "x")
                    .file("a/../../evil2", "x")
                    .file("/etc/evil3", "x")
                    .file("ok/file", "x"));
    LayeredFilesystem<String> fs = read(image, LayerLimits.DEFAULT);
    assertThat(fs.nodes()).extracting(n -> n.entry().path()).containsExactly("ok/file");
    assertThat(fs.warnings()).hasSize(3);
    assertThat(fs.warnings().get(0))
        .contains("'../../evil'")
        .contains("climbs out of the image root");
    assertThat(fs.warnings().get(2)).contains("'/etc/evil3'");
    assertThat(temp.getParent().resolve("evil")).doesNotExist();
    assertThat(Path.of("/etc/evil3")).doesNotExist();
    assertThat(temp.getParent().resolve("evil2")).doesNotExist();
    assertThat(everythingUnder(temp)).noneMatch(p -> p.getFileName().toString().startsWith("evil"));
  }

  @Test
  @DisplayName(
      "a hard link leaving the root is skipped; a symlink pointing outside is kept, never followed, and named")
  void escapingLinks() {
    TestImage image =
        TestImage.create()
            .layer(
                TestLayer.create()
                    .hardlink("etc/shadow-copy", "../../../etc/shadow")
                    .symlink("app/up", "../../../../etc")
                    .symlink("bin/sh", "/bin/dash"));
    LayeredFilesystem<String> fs = read(image, LayerLimits.DEFAULT);
    assertThat(fs.exists("etc/shadow-copy")).isFalse();
    assertThat(fs.exists("app/up")).isTrue();
    assertThat(fs.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("hard link 'etc/shadow-copy'")
                    .contains("leaves the image root"))
        .hasSize(1);
    assertThat(fs.notes())
        .singleElement()
        .satisfies(n -> assertThat(n).contains("symlink 'app/up'").contains("never followed"));
  }

  @Test
  @DisplayName("a gzip bomb (16 MiB of zeros in 16 KiB) is refused as a decompression bomb")
  void gzipBomb() {
    byte[] zeros = new byte[16 << 20];
    TestImage image = TestImage.create().layer(TestLayer.create().file("bomb", zeros));
    LayerLimits limits = new LayerLimits(LayerLimits.DEFAULT.maxLayerBytes(), 200, 1 << 20, 1000);
    assertThatThrownBy(() -> read(image, limits))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("layer 1")
        .hasMessageContaining("decompression bomb");
  }

  @Test
  @DisplayName("a layer over the size limit is refused")
  void sizeLimit() {
    TestImage image = TestImage.create().layer(TestLayer.create().file("big", new byte[1 << 20]));
    assertThatThrownBy(() -> read(image, new LayerLimits(100_000, 1000, 1L << 30, 1000)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("larger than the limit of 100000 bytes");
  }

  @Test
  @DisplayName("normalise drops ./ and refuses .. and absolute names")
  void normalise() {
    assertThat(LayerStreamer.normalise("./usr/bin/")).isEqualTo("usr/bin");
    assertThat(LayerStreamer.normalise("usr/../../x")).isNull();
    assertThat(LayerStreamer.normalise("/x")).isNull();
    assertThat(LayerStreamer.climbs("a/b", "../../x")).isFalse();
    assertThat(LayerStreamer.climbs("a/b", "../../../x")).isTrue();
  }
}
