package io.kubeattest.image.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kubeattest.engine.InputException;
import io.kubeattest.image.version.Ecosystem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db update} against a real HTTP server on loopback serving archives built here, laid out as
 * OSV's bucket is ({@code /<ecosystem>/all.zip}).
 */
class OsvDownloaderTest {
  @TempDir Path directory;
  private HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> requested = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          synchronized (requested) {
            requested.add(path);
          }
          byte[] body = files.get(path);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mirror");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(String path, OsvZip zip) throws IOException {
    Path file = zip.writeTo(directory.resolve("served" + files.size() + ".zip"));
    files.put(path, Files.readAllBytes(file));
  }

  private OsvDownloader downloader() {
    return new OsvDownloader(HttpClient.newHttpClient(), new OsvImporter(), 1 << 20);
  }

  @Test
  @DisplayName(
      "downloads each ecosystem's all.zip, imports them as an update, leaves no temp files")
  void update() throws IOException {
    serve(
        "/mirror/Debian/all.zip",
        new OsvZip().record("DEBIAN-CVE-1", "Debian:12", "openssl", "2024-01-01T00:00:00Z", "3"));
    serve(
        "/mirror/Red%20Hat/all.zip",
        new OsvZip()
            .record(
                "RHSA-1",
                "Red Hat:enterprise_linux:9::baseos",
                "bash",
                "2024-01-01T00:00:00Z",
                "0:5.2-1.el9"));
    Path file = directory.resolve("db/vulndb.sqlite");

    try (VulnerabilityDatabase db = VulnerabilityDatabase.create(file, Clock.systemUTC())) {
      ImportRecord result =
          downloader().update(db, base, List.of("debian", "Red Hat", "Alpine"), warnings::add);

      assertThat(requested)
          .containsExactly(
              "/mirror/Debian/all.zip", "/mirror/Red%20Hat/all.zip", "/mirror/Alpine/all.zip");
      assertThat(result.kind()).isEqualTo("update");
      assertThat(result.stored()).isEqualTo(2);
      assertThat(result.failed()).isEqualTo(1);
      assertThat(result.source())
          .isEqualTo(base + "/Debian/all.zip, " + base + "/Red%20Hat/all.zip");
      assertThat(warnings)
          .containsExactly("Alpine: cannot download " + base + "/Alpine/all.zip: HTTP 404");
      assertThat(db.recordsFor(Ecosystem.RED_HAT, "bash")).hasSize(1);
      assertThat(db.status().lastImport().kind()).isEqualTo("update");
    }
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  @DisplayName("when nothing can be downloaded the database is left as it was")
  void nothingDownloaded() {
    Path file = directory.resolve("vulndb.sqlite");
    try (VulnerabilityDatabase db = VulnerabilityDatabase.create(file, Clock.systemUTC())) {
      assertThatThrownBy(() -> downloader().update(db, base, List.of("Go"), warnings::add))
          .isInstanceOf(VulnerabilityDatabaseException.class)
          .hasMessage(
              "no OSV archive could be downloaded from " + base + "; the database is unchanged");
      assertThat(db.status().lastImport()).isNull();
    }
  }

  @Test
  @DisplayName("an archive above the size limit is refused while it streams")
  void tooLarge() throws IOException {
    byte[] big = new byte[(1 << 20) + 1];
    files.put("/mirror/npm/all.zip", big);
    serve(
        "/mirror/Go/all.zip",
        new OsvZip().record("GO-1", "Go", "x", "2024-01-01T00:00:00Z", "1.0.0"));
    try (VulnerabilityDatabase db =
        VulnerabilityDatabase.create(directory.resolve("v.sqlite"), Clock.systemUTC())) {
      downloader().update(db, base, List.of("npm", "Go"), warnings::add);
      assertThat(warnings)
          .containsExactly(
              "npm: cannot download " + base + "/npm/all.zip: larger than 1048576 bytes; refused");
    }
  }

  @Test
  @DisplayName("unknown ecosystems and non-HTTP mirrors are usage errors")
  void badArguments() {
    try (VulnerabilityDatabase db =
        VulnerabilityDatabase.create(directory.resolve("v.sqlite"), Clock.systemUTC())) {
      assertThatThrownBy(() -> downloader().update(db, base, List.of("Debain"), warnings::add))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("unknown ecosystem 'Debain' (expected OSV names such as Debian,");
      assertThatThrownBy(
              () ->
                  downloader()
                      .update(db, URI.create("file:///tmp/osv"), List.of("Debian"), warnings::add))
          .isInstanceOf(InputException.class)
          .hasMessage("mirror URL file:///tmp/osv is not an http or https URL");
    }
    assertThat(requested).isEmpty();
  }

  @Test
  @DisplayName("the ecosystems in use are those in the database, else the default set")
  void ecosystemsInUse() {
    try (VulnerabilityDatabase db =
        VulnerabilityDatabase.create(directory.resolve("v.sqlite"), Clock.systemUTC())) {
      assertThat(OsvDownloader.ecosystemsInUse(db.status()))
          .isEqualTo(OsvDownloader.DEFAULT_ECOSYSTEMS);
    }
    assertThat(
            OsvDownloader.archiveUri(
                URI.create("https://osv-vulnerabilities.storage.googleapis.com/"), "Red Hat"))
        .hasToString("https://osv-vulnerabilities.storage.googleapis.com/Red%20Hat/all.zip");
  }
}
