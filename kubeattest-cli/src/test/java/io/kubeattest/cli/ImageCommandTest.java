package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.image.testing.LocalRegistry;
import io.kubeattest.image.testing.TestImage;
import io.kubeattest.image.testing.TestLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  private Path debian() {
    return TestImage.debianLike().writeOciLayout(temp.resolve("oci"), "1.0");
  }

  @Test
  @DisplayName("the table shows OS, package counts, packages with layers and a hardening summary")
  void table() {
    Cli cli = Cli.run("image", debian().toString(), "--color", "never");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
    assertThat(cli.out())
        .contains("OS:       debian-12")
        .contains("Packages: 23 (deb 22, maven 1)")
        .contains("maven   org.apache.commons:commons-text")
        .contains("Hardening: 5 of 9 checks pass, 4 fail")
        .contains("image-shell-present")
        .contains("image-setuid-files")
        .contains("image-package-manager-present");
  }

  @Test
  @DisplayName("--fail-on high exits 1 for an image that runs as root")
  void failOn() {
    Path image =
        TestImage.create()
            .layer(TestLayer.create().file("etc/os-release", "ID=alpine\nVERSION_ID=3.19\n"))
            .env("DB_PASSWORD=hunter2", "PATH=/bin")
            .writeOciTar(temp.resolve("root.tar"));
    Cli cli = Cli.run("image", image.toString(), "--fail-on", "high", "-o", "json");
    assertThat(cli.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(cli.out())
        .contains("image-runs-as-root")
        .contains("image-secrets-in-env")
        .doesNotContain("hunter2");
  }

  @Test
  @DisplayName(
      "-o json holds the image (packages with purl and layer), the hardening summary and the scan")
  void json() throws Exception {
    Cli cli = Cli.run("image", debian().toString(), "-o", "json");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
    JsonNode root = JSON.readTree(cli.out());
    assertThat(root.path("image").path("packages")).hasSize(23);
    JsonNode first = root.path("image").path("packages").get(1);
    assertThat(first.path("purl").asText()).startsWith("pkg:deb/debian/");
    assertThat(first.path("layer").asText())
        .isEqualTo(root.path("image").path("layers").get(0).asText());
    assertThat(root.path("hardening").path("failedRules").toString())
        .contains("image-shell-present", "image-setuid-files", "image-package-manager-present");
    assertThat(root.path("scan").path("findings")).isNotEmpty();
  }

  @Test
  @DisplayName(
      "-o cyclonedx writes a valid CycloneDX 1.6 SBOM that --sbom reads back to the same purls")
  void cyclonedxRoundTrip() throws Exception {
    Path sbom = temp.resolve("sbom.json");
    Cli written =
        Cli.run("image", debian().toString(), "-o", "cyclonedx", "--output", sbom.toString());
    assertThat(written.exitCode()).as(written.err()).isEqualTo(ExitCode.OK);
    assertThat(new JsonParser().validate(Files.readAllBytes(sbom), Version.VERSION_16)).isEmpty();
    JsonNode bom = JSON.readTree(sbom.toFile());
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.path("components")).hasSize(24);
    List<String> purls = new ArrayList<>();
    bom.path("components")
        .forEach(
            c -> {
              if (c.has("purl")) purls.add(c.path("purl").asText());
            });

    Cli read = Cli.run("image", "--sbom", sbom.toString(), "-o", "json");
    assertThat(read.exitCode()).as(read.err()).isEqualTo(ExitCode.OK);
    List<String> readBack = new ArrayList<>();
    JSON.readTree(read.out())
        .path("image")
        .path("packages")
        .forEach(p -> readBack.add(p.path("purl").asText()));
    assertThat(readBack).containsExactlyInAnyOrderElementsOf(purls);
    assertThat(JSON.readTree(read.out()).path("image").path("os").path("id").asText())
        .isEqualTo("debian");
  }

  @Test
  @DisplayName("a hostile layer: the refused entries are named on stderr, exit 2, nothing written")
  void hostileLayer() {
    Path image =
        TestImage.create()
            .layer(
                TestLayer.create().file("../../escaped", "x").file("etc/os-release", "ID=debian\n"))
            .user("1000")
            .writeDockerArchive(temp.resolve("docker.tar"), "bad:1");
    Cli cli = Cli.run("image", image.toString(), "-o", "json");
    assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(cli.err()).contains("'../../escaped' climbs out of the image root");
    assertThat(temp.getParent().resolve("escaped")).doesNotExist();
  }

  @Test
  @DisplayName(
      "a symlink pointing outside the root is kept, noted on stderr, and does not change the exit code")
  void escapingSymlinkIsANote() {
    Path image =
        TestImage.create()
            .layer(
                TestLayer.create()
                    .symlink("app/up", "../../../etc")
                    .file("etc/os-release", "ID=debian\n"))
            .user("1000")
            .writeOciTar(temp.resolve("link.tar"));
    Cli cli = Cli.run("image", image.toString(), "-o", "json");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
    assertThat(cli.err())
        .contains("note: ")
        .contains("symlink 'app/up' -> '../../../etc' points outside the image root");
  }

  @Test
  @DisplayName("bad usage and unreadable inputs give one-line errors and exit 2")
  void badInput() {
    Cli none = Cli.run("image");
    assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(none.err()).contains("give either an IMAGE or --sbom FILE");
    Cli bad = Cli.run("image", "Not A Reference");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
    assertThat(bad.err().strip()).startsWith("error: not an image reference").doesNotContain("\n");
    Cli insecure = Cli.run("image", "--insecure", "registry.example.com/app:1");
    assertThat(insecure.err()).contains("loopback registries only");
    Cli manifests = Cli.run("manifests", "-o", "cyclonedx", "-");
    assertThat(manifests.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
  }

  @Test
  @DisplayName(
      "an image pushed to a real registry on loopback is scanned by reference with --insecure")
  void registryByReference() throws Exception {
    assumeTrue(LocalRegistry.available(), "docker-registry and skopeo are not installed");
    try (LocalRegistry registry = LocalRegistry.start(temp.resolve("registry"))) {
      String reference =
          registry.push(TestImage.debianLike(), temp.resolve("push"), "team/app", "latest");
      Cli cli = Cli.run("image", reference, "--insecure", "-o", "json");
      assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
      JsonNode root = JSON.readTree(cli.out());
      assertThat(root.path("image").path("packages")).hasSize(23);
      assertThat(root.path("hardening").path("failedRules").toString())
          .contains("image-latest-tag");
      Cli plain = Cli.run("image", reference);
      assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE_OR_INPUT);
      assertThat(plain.err()).contains("cannot reach 127.0.0.1");
    }
  }
}
