package io.kubeattest.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.scan.ImageScanner;
import io.kubeattest.image.testing.TestImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The registry client against a small registry served by the JDK's HTTP server on loopback: the
 * distribution API's manifest and blob endpoints behind a bearer-token challenge, as Docker Hub
 * does it, and registries that fail or lie.
 */
class RegistryClientTest {
  private static final String TOKEN = "t0k3n";
  private HttpServer server;
  private final Map<String, byte[]> blobs = new HashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private byte[] manifest = new byte[0];
  private int manifestStatus = 200;
  private String host;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    host = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::registry);
    server.start();
    TestImage.Blobs image = TestImage.debianLike().blobs();
    image.layers().forEach(b -> blobs.put(b.digest(), b.bytes()));
    blobs.put(image.config().digest(), image.config().bytes());
    manifest = image.manifest().bytes();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void token(HttpExchange exchange) throws IOException {
    assertThat(exchange.getRequestURI().getQuery()).contains("scope=repository:team/app:pull");
    send(exchange, 200, ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private void registry(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(String.valueOf(auth));
    if (!("Bearer " + TOKEN).equals(auth)) {
      exchange
          .getResponseHeaders()
          .add(
              "WWW-Authenticate",
              "Bearer realm=\"http://"
                  + host
                  + "/token\",service=\"test\",scope=\"repository:team/app:pull\"");
      send(exchange, 401, new byte[0]);
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/v2/team/app/manifests/multi")) {
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.index.v1+json");
      send(exchange, 200, index());
    } else if (path.startsWith("/v2/team/app/blobs/")
        && manifestDigest().equals(path.substring(19))) {
      send(exchange, 404, new byte[0]); // manifests are not served as blobs here
    } else if (path.startsWith("/v2/team/app/manifests/")) {
      exchange
          .getResponseHeaders()
          .add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
      send(exchange, manifestStatus, manifest);
    } else if (path.startsWith("/v2/team/app/blobs/")) {
      byte[] blob = blobs.get(path.substring("/v2/team/app/blobs/".length()));
      send(exchange, blob == null ? 404 : 200, blob == null ? new byte[0] : blob);
    } else {
      send(exchange, 404, new byte[0]);
    }
  }

  private String manifestDigest() {
    return "sha256:" + TestImage.sha256(manifest);
  }

  private byte[] index() {
    String entry =
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"%s\",\"size\":%d,"
            + "\"platform\":{\"os\":\"linux\",\"architecture\":\"%s\"}}";
    String other = String.format(entry, "sha256:" + "1".repeat(64), 100, "arm64");
    String amd64 = String.format(entry, manifestDigest(), manifest.length, "amd64");
    return ("{\"schemaVersion\":2,\"manifests\":[" + other + "," + amd64 + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private ImageReport pull(String reference) {
    return pull(reference, Platform.LINUX_AMD64);
  }

  private ImageReport pull(String reference, Platform platform) {
    RegistryClient client =
        new RegistryClient(RegistryCredentials.none(), true, Duration.ofSeconds(10));
    ImageReference ref = ImageReference.parse(reference);
    try (ResolvedImage image = client.open(ref, platform)) {
      return new ImageScanner(LayerLimits.DEFAULT).scan(image, ref.tag());
    }
  }

  @Test
  @DisplayName("pulls by tag through an anonymous bearer token and finds the packages")
  void pullsWithBearerToken() {
    ImageReport report = pull(host + "/team/app:1.0");
    assertThat(report.packages()).hasSize(23);
    assertThat(report.manifestDigest().value()).isEqualTo("sha256:" + TestImage.sha256(manifest));
    assertThat(authorizations).contains("null", "Bearer " + TOKEN);
  }

  @Test
  @DisplayName(
      "an index gives the manifest of the platform asked for, fetched by digest from the manifests endpoint")
  void indexPlatformSelection() {
    ImageReport report = pull(host + "/team/app:multi");
    assertThat(report.packages()).hasSize(23);
    assertThat(report.manifestDigest().value()).isEqualTo(manifestDigest());
    assertThatThrownBy(() -> pull(host + "/team/app:multi", Platform.parse("linux/s390x")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(
            "has no image for platform linux/s390x (it has: linux/arm64, linux/amd64)");
  }

  @Test
  @DisplayName("a reference by digest that the manifest does not match is refused")
  void manifestDigestMismatch() {
    String wrong = "sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> pull(host + "/team/app@" + wrong))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("does not match the digest");
  }

  @Test
  @DisplayName("a registry answering 500 gives a clear one-line error")
  void serverError() {
    manifestStatus = 500;
    assertThatThrownBy(() -> pull(host + "/team/app:1.0"))
        .isInstanceOf(ImageException.class)
        .hasMessage("manifest of " + host + "/team/app:1.0: the registry answered HTTP 500");
  }

  @Test
  @DisplayName("a registry answering garbage gives a clear one-line error")
  void garbage() {
    manifest = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> pull(host + "/team/app:1.0"))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith(host + "/team/app:1.0: not valid JSON")
        .hasMessageNotContaining("\n");
  }

  @Test
  @DisplayName(
      "a blob the registry serves with other bytes than its digest is refused, naming the blob")
  void blobDigestMismatch() {
    String layer =
        blobs.keySet().stream().filter(k -> blobs.get(k).length > 1000).findFirst().orElseThrow();
    byte[] bytes = blobs.get(layer).clone();
    bytes[bytes.length / 2] ^= 1;
    blobs.put(layer, bytes);
    assertThatThrownBy(() -> pull(host + "/team/app:1.0"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("blob " + layer + " does not match its digest");
  }

  @Test
  @DisplayName("--insecure is refused for a registry that is not on loopback")
  void insecureOnlyForLoopback() {
    RegistryClient client =
        new RegistryClient(RegistryCredentials.none(), true, Duration.ofSeconds(1));
    assertThatThrownBy(
            () ->
                client.open(
                    ImageReference.parse("registry.example.com/app:1"), Platform.LINUX_AMD64))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("loopback registries only");
  }
}
