package io.kubeattest.image.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeattest.image.archive.ArchiveImageReader;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.MediaTypes;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageScanner;
import io.kubeattest.image.testing.TestImage;
import io.kubeattest.image.testing.TestImage.Blob;
import io.kubeattest.image.testing.TestImage.Compression;
import io.kubeattest.image.testing.TestLayer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * zstd layers: real ones (libzstd through zstd-jni, and the zstd command), hand-framed ones
 * (skippable frames, large windows) and hostile ones (bombs, truncated streams), read from OCI
 * layouts and docker-save tars.
 */
class ZstdLayerTest {
  private static final TestLayer DPKG = TestLayer.debianPackages();

  @TempDir Path temp;

  private static List<String> purls(Path image) {
    try (ResolvedImage resolved = new ArchiveImageReader().open(image, Platform.LINUX_AMD64)) {
      return new ImageScanner(LayerLimits.DEFAULT)
          .scan(resolved, "1.0").packages().stream().map(ImagePackage::purl).toList();
    }
  }

  private static LayeredFilesystem<String> read(Path image, LayerLimits limits) {
    try (ResolvedImage resolved = new ArchiveImageReader().open(image, Platform.LINUX_AMD64)) {
      return new LayerStreamer(limits).read(resolved, (entry, content, layer) -> entry.path());
    }
  }

  private LayeredFilesystem<String> readLayout(TestImage image) {
    return read(image.writeOciLayout(temp.resolve("oci"), "x"), LayerLimits.DEFAULT);
  }

  @Test
  @DisplayName("the packages of a zstd layer are those of the same layer in gzip")
  void zstdLayerGivesTheSamePackagesAsGzip() {
    List<String> gzip = purls(TestImage.debianLike().writeOciLayout(temp.resolve("gzip"), "x"));
    List<String> zstd =
        purls(
            TestImage.debianLike()
                .compression(Compression.ZSTD)
                .writeOciLayout(temp.resolve("zstd"), "x"));
    assertThat(zstd).hasSize(23).isEqualTo(gzip);
    assertThat(zstd).contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
  }

  @Test
  @DisplayName("a layer of the non-distributable zstd media type is read too")
  void nondistributableZstd() {
    byte[] tar = DPKG.tar();
    TestImage image =
        TestImage.create()
            .layer(
                new Blob(MediaTypes.OCI_NONDISTRIBUTABLE_LAYER_ZSTD, DPKG.tarZst()),
                "sha256:" + TestImage.sha256(tar));
    assertThat(purls(image.writeOciLayout(temp.resolve("oci"), "x")))
        .contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
  }

  @Test
  @DisplayName(
      "a docker-save tar whose layer is zstd, with no media type anywhere, is read by its magic")
  void dockerArchiveZstdByMagic() {
    Path archive =
        TestImage.create()
            .layer(DPKG)
            .compression(Compression.ZSTD)
            .writeDockerArchiveOfBlobs(temp.resolve("docker.tar"), "app:1.0");
    assertThat(purls(archive))
        .hasSize(22)
        .contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
  }

  @Test
  @DisplayName("a layer whose media type says zstd but which is a plain tar is refused, named")
  void zstdMediaTypeOnPlainTar() {
    byte[] tar = DPKG.tar();
    String diffId = "sha256:" + TestImage.sha256(tar);
    TestImage image = TestImage.create().layer(new Blob(MediaTypes.OCI_LAYER_ZSTD, tar), diffId);
    assertThatThrownBy(() -> readLayout(image))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("layer 1 (" + diffId + "): cannot be read")
        .hasMessageContaining("its media type " + MediaTypes.OCI_LAYER_ZSTD + " says zstd");
  }

  @Test
  @DisplayName(
      "a zstd bomb (80 MiB of zeros in a few KiB) is refused under the default limits, one line"
          + " naming the layer, and nothing is written")
  void zstdBomb() throws IOException {
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    MessageDigest tarDigest = sha256();
    try (ZstdCompressorOutputStream zstd = new ZstdCompressorOutputStream(blob);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new DigestOutputStream(zstd, tarDigest))) {
      TarArchiveEntry entry = new TarArchiveEntry("bomb");
      entry.setSize(80L << 20);
      tar.putArchiveEntry(entry);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 80; i++) {
        tar.write(zeros);
      }
      tar.closeArchiveEntry();
    }
    assertThat(blob.size()).isLessThan(10 << 10);
    Blob bomb = new Blob(MediaTypes.OCI_LAYER_ZSTD, blob.toByteArray());
    Path layout =
        TestImage.create()
            .layer(bomb, "sha256:" + HexFormat.of().formatHex(tarDigest.digest()))
            .writeOciLayout(temp.resolve("oci"), "x");
    List<Path> before = everythingUnder(temp);

    assertThatThrownBy(() -> read(layout, LayerLimits.DEFAULT))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith(layout + " layer 1 (" + bomb.digest() + ") expands more than 200")
        .hasMessageEndingWith("refused as a decompression bomb")
        .message()
        .doesNotContain("\n");
    assertThat(everythingUnder(temp)).isEqualTo(before);
  }

  @Test
  @DisplayName("a zstd stream cut short (its digest matching) is refused, naming the layer")
  void truncatedZstd() {
    byte[] tar = DPKG.tar();
    Blob cut = new Blob(MediaTypes.OCI_LAYER_ZSTD, Arrays.copyOf(DPKG.tarZst(), 40));
    assertThatThrownBy(
            () -> readLayout(TestImage.create().layer(cut, "sha256:" + TestImage.sha256(tar))))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("layer 1 (" + cut.digest() + "): cannot be read:")
        .hasMessageEndingWith("the zstd stream ends inside a frame at byte 40: truncated")
        .message()
        .doesNotContain("\n");
  }

  @Test
  @DisplayName(
      "a zstd blob damaged after it was pushed fails its digest, checked over the compressed bytes")
  void damagedZstdBlobFailsItsDigest() throws IOException {
    TestImage image = TestImage.create().layer(DPKG).compression(Compression.ZSTD);
    Blob layer = image.blobs().layers().get(0);
    Path layout = image.writeOciLayout(temp.resolve("oci"), "x");
    Path file = layout.resolve("blobs/sha256/" + layer.digest().substring(7));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(file, bytes);
    assertThatThrownBy(() -> read(layout, LayerLimits.DEFAULT))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("blob " + layer.digest() + " does not match its digest");
  }

  @Test
  @DisplayName(
      "several zstd frames with skippable frames between and around them (zstd:chunked) are read")
  void skippableFramesAndManyFrames() {
    byte[] tar = DPKG.tar();
    int half = tar.length / 2;
    byte[] blob =
        concat(
            skippable(0x50, "leading metadata".getBytes(StandardCharsets.UTF_8)),
            TestLayer.zstd(Arrays.copyOfRange(tar, 0, half)),
            skippable(0x5e, new byte[1000]),
            rawFrame(0x58, Arrays.copyOfRange(tar, half, tar.length)),
            skippable(0x51, new byte[0]));
    TestImage image =
        TestImage.create()
            .layer(new Blob(MediaTypes.OCI_LAYER_ZSTD, blob), "sha256:" + TestImage.sha256(tar));
    assertThat(readLayout(image).exists("var/lib/dpkg/status")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "window of 32 MiB (Go's zstd at level 10 and up) | 28b52ffd 00 78 010000 | ",
        "window of 128 MiB | 28b52ffd 00 88 010000 | ",
        "window of 144 MiB | 28b52ffd 00 89 | the zstd frame at byte 0 needs a window of 150994944"
            + " bytes, over the 128 MiB that zstd decodes by default",
        "one segment of 1 GiB | 28b52ffd a0 00000040 010000 | needs a window of 1073741824 bytes",
        "dictionary | 28b52ffd 01 68 07 | needs a dictionary, which a layer cannot carry",
        "reserved header bit | 28b52ffd 08 68 | sets a reserved header bit",
        "reserved block type | 28b52ffd 00 68 070000 | the zstd block at byte 6 is corrupt",
        "garbage after a frame | 28b52ffd 00 68 010000 00112233 | byte 9 should start a zstd frame"
            + " but holds 0x33221100",
        "skippable frame cut short | 502a4d18 ff000000 0000 | the zstd stream ends inside a frame"
            + " at byte 10: truncated",
      })
  @DisplayName("a frame header that asks too much or is malformed is refused with its offset")
  void frameHeaders(String what, String hex, String expected) {
    byte[] blob = HexFormat.of().parseHex(hex.replace(" ", ""));
    String diffId = "sha256:" + TestImage.sha256(new byte[0]);
    TestImage image = TestImage.create().layer(new Blob(MediaTypes.OCI_LAYER_ZSTD, blob), diffId);
    if (expected == null) {
      assertThat(readLayout(image).size()).isZero();
    } else {
      assertThatThrownBy(() -> readLayout(image))
          .isInstanceOf(ImageException.class)
          .hasMessageContaining(expected);
    }
  }

  @ParameterizedTest(name = "zstd {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-1 -c (a stream) | ",
        "-19 -c --check (a stream, 8 MiB window) | ",
        "--ultra -22 -c LAYER (a file: the window shrinks to its size) | ",
        "--long=27 -c (a stream, 128 MiB window) | ",
        "--long=28 -c (a stream, 256 MiB window) | needs a window of 268435456 bytes",
      })
  @DisplayName("layers compressed by the zstd command: read, or refused for their window")
  void zstdCommand(String arguments, String refusal) throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/zstd")),
        "zstd is not installed (.ci/run installs it)");
    byte[] noise = new byte[1 << 20];
    new Random(20240601L).nextBytes(noise);
    for (int i = 0; i < noise.length; i += 2) {
      noise[i] = 'a';
    }
    byte[] tar = TestLayer.debianPackages().file("opt/noise", noise).tar();
    Path input = Files.write(temp.resolve("layer.tar"), tar);
    Path output = temp.resolve("layer.tar.zst");
    List<String> command = new ArrayList<>();
    command.add("/usr/bin/zstd");
    command.add("-q");
    for (String argument : arguments.replaceAll("\\(.*\\)", "").trim().split(" ")) {
      command.add(argument.equals("LAYER") ? input.toString() : argument);
    }
    Process zstd =
        new ProcessBuilder(command)
            .redirectInput(input.toFile())
            .redirectOutput(output.toFile())
            .start();
    assertThat(zstd.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(zstd.exitValue()).isZero();
    TestImage image =
        TestImage.create()
            .layer(
                new Blob(MediaTypes.OCI_LAYER_ZSTD, Files.readAllBytes(output)),
                "sha256:" + TestImage.sha256(tar));
    Path layout = image.writeOciLayout(temp.resolve("oci"), "x");
    if (refusal == null) {
      assertThat(purls(layout))
          .hasSize(22)
          .contains("pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12");
    } else {
      assertThatThrownBy(() -> read(layout, LayerLimits.DEFAULT))
          .isInstanceOf(ImageException.class)
          .hasMessageContaining("layer 1 (sha256:")
          .hasMessageContaining("cannot be read: the zstd frame at byte 0 " + refusal);
    }
  }

  @Test
  @DisplayName(
      "a zstd failure sticks: a reader that swallowed it gets the same message again, not a"
          + " confusing one from the middle of the frame")
  void failureSticks() throws IOException {
    byte[] tooLarge = HexFormat.of().parseHex("28b52ffd0089" + "010000".repeat(10));
    String refused = "the zstd frame at byte 0 needs a window of 150994944 bytes";
    try (ZstdDecodingInputStream in =
        ZstdDecodingInputStream.open(new ByteArrayInputStream(tooLarge))) {
      byte[] buffer = new byte[4096];
      assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).hasMessageStartingWith(refused);
      assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).hasMessageStartingWith(refused);
      assertThatThrownBy(in::read).hasMessageStartingWith(refused);
    }
  }

  /** A zstd frame of raw blocks, with window descriptor {@code window}: no compression at all. */
  private static byte[] rawFrame(int window, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x00, (byte) window});
    int at = 0;
    do {
      int size = Math.min(content.length - at, 100_000);
      boolean last = at + size == content.length;
      int header = size << 3 | (last ? 1 : 0);
      out.writeBytes(new byte[] {(byte) header, (byte) (header >>> 8), (byte) (header >>> 16)});
      out.write(content, at, size);
      at += size;
    } while (at < content.length);
    return out.toByteArray();
  }

  private static byte[] skippable(int magicLowByte, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = data.length;
    out.writeBytes(
        new byte[] {
          (byte) magicLowByte, 0x2a, 0x4d, 0x18, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), 0
        });
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> everythingUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.sorted().toList();
    }
  }
}
