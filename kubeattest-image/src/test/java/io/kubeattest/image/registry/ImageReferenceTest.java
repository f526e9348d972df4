package io.kubeattest.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.image.oci.ImageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "nginx, docker.io/library/nginx:latest, registry-1.docker.io",
    "nginx:1.25, docker.io/library/nginx:1.25, registry-1.docker.io",
    "bitnami/redis:7, docker.io/bitnami/redis:7, registry-1.docker.io",
    "ghcr.io/org/app:v1, ghcr.io/org/app:v1, ghcr.io",
    "localhost:5000/app, localhost:5000/app:latest, localhost:5000",
    "127.0.0.1:5000/a/b:t, 127.0.0.1:5000/a/b:t, 127.0.0.1:5000",
    "index.docker.io/library/alpine:3, docker.io/library/alpine:3, registry-1.docker.io",
  })
  void parses(String input, String normalised, String apiHost) {
    ImageReference ref = ImageReference.parse(input);
    assertThat(ref).hasToString(normalised);
    assertThat(ref.apiHost()).isEqualTo(apiHost);
  }

  @Test
  void digestReference() {
    String digest = "sha256:" + "a".repeat(64);
    ImageReference ref = ImageReference.parse("quay.io/x/y@" + digest);
    assertThat(ref.tag()).isNull();
    assertThat(ref.manifestReference()).isEqualTo(digest);
  }

  @Test
  void rejectsBadReferences() {
    assertThatThrownBy(() -> ImageReference.parse("UPPER/case"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("'UPPER/case'");
    assertThatThrownBy(() -> ImageReference.parse("app@sha256:12"))
        .hasMessageContaining("not a sha256 digest");
  }

  @Test
  void loopback() {
    assertThat(RegistryClient.isLoopback("127.0.0.1")).isTrue();
    assertThat(RegistryClient.isLoopback("localhost")).isTrue();
    assertThat(RegistryClient.isLoopback("::1")).isTrue();
    assertThat(RegistryClient.isLoopback("10.0.0.1")).isFalse();
    assertThat(RegistryClient.isLoopback("registry.example.com")).isFalse();
  }

  @Test
  void dockerConfigCredentials(@TempDir Path dir) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString("alice:s3cret:x".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("config.json"),
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
            + auth
            + "\"},\"ghcr.io\":{\"auth\":\""
            + auth
            + "\"}}}");
    RegistryCredentials credentials =
        RegistryCredentials.fromDockerConfig(java.util.Map.of("DOCKER_CONFIG", dir.toString()));
    assertThat(credentials.forRegistry("docker.io"))
        .contains(new RegistryCredentials.Login("alice", "s3cret:x"));
    assertThat(credentials.forRegistry("ghcr.io")).isPresent();
    assertThat(credentials.forRegistry("quay.io")).isEmpty();
    assertThat(credentials.forRegistry("ghcr.io").orElseThrow().toString())
        .doesNotContain("s3cret");
  }
}
