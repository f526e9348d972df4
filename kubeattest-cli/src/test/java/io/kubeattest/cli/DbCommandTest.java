package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeattest db ...} as a user runs it: output, warnings and exit codes. */
class DbCommandTest {
  @TempDir Path directory;

  private static String record(String id, String ecosystem, String name) {
    return """
        {"id": "%s", "modified": "2024-05-01T00:00:00Z",
         "affected": [{"package": {"ecosystem": "%s", "name": "%s"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "9.9"}]}]}]}
        """
        .formatted(id, ecosystem, name);
  }

  private Path zip(String name, String... entries) throws IOException {
    Path file = directory.resolve(name);
    Files.createDirectories(file.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < entries.length; i += 2) {
        zip.putNextEntry(new ZipEntry(entries[i]));
        zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  private Cli run(String... args) {
    Path db = directory.resolve("data/vulndb.sqlite");
    return Cli.run(InputStream.nullInputStream(), Map.of("KUBEATTEST_DB", db.toString()), args);
  }

  @Test
  @DisplayName("db import loads an all.zip and exits 0; db status shows counts per ecosystem")
  void importAndStatus() throws IOException {
    Path debian =
        zip(
            "Debian/all.zip",
            "DEBIAN-CVE-1.json",
            record("DEBIAN-CVE-1", "Debian:12", "openssl"),
            "DEBIAN-CVE-2.json",
            record("DEBIAN-CVE-2", "Debian:12", "curl"));
    Path alpine =
        zip("Alpine/all.zip", "ALPINE-1.json", record("ALPINE-1", "Alpine:v3.19", "musl"));

    Cli imported = run("db", "import", debian.toString(), alpine.toString());

    Path db = directory.resolve("data/vulndb.sqlite");
    assertThat(imported.err()).isEmpty();
    assertThat(imported.out())
        .isEqualTo("imported 3 records into " + db + " (0 unchanged, 0 skipped)\n");
    assertThat(imported.exitCode()).isZero();

    Cli status = run("db", "status");
    assertThat(status.exitCode()).isZero();
    assertThat(status.err()).isEmpty();
    assertThat(status.out())
        .startsWith("Database:        " + db + "\nSchema version:  1\nLast update:     ")
        .contains(" ago, import of " + debian + ", " + alpine + ")\n")
        .endsWith(
            "Newest record:   2024-05-01T00:00:00Z\n"
                + "Records:         3\n"
                + "  Alpine  1\n"
                + "  Debian  2\n");

    Cli again = run("db", "import", debian.toString());
    assertThat(again.out())
        .isEqualTo("imported 0 records into " + db + " (2 unchanged, 0 skipped)\n");
  }

  @Test
  @DisplayName(
      "a malformed entry is a one-line warning naming archive and entry; exit 2, rest kept")
  void malformedEntry() throws IOException {
    Path archive =
        zip(
            "npm/all.zip",
            "GHSA-1.json",
            record("GHSA-1", "npm", "lodash"),
            "GHSA-2.json",
            "{\"id\": ");

    Cli cli = run("db", "import", archive.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err().lines())
        .singleElement()
        .asString()
        .startsWith("warning: OSV document " + archive + "!GHSA-2.json is not valid JSON");
    assertThat(cli.out()).contains("imported 1 records into ").contains("(0 unchanged, 1 skipped)");
  }

  @Test
  @DisplayName(
      "db status without a database, or an import of a missing path, exits 2 with one line")
  void errors() {
    Path db = directory.resolve("data/vulndb.sqlite");
    Cli status = run("db", "status");
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.err())
        .isEqualTo(
            "error: no vulnerability database at "
                + db
                + " (create one with kubeattest db update or kubeattest db import)\n");

    Path missing = directory.resolve("missing.zip");
    Cli imported = run("db", "import", missing.toString());
    assertThat(imported.exitCode()).isEqualTo(2);
    assertThat(imported.err()).isEqualTo("error: " + missing + ": no such file or directory\n");

    Cli badAge = run("db", "status", "--max-age", "soon");
    assertThat(badAge.exitCode()).isEqualTo(2);
    assertThat(badAge.err()).contains("'soon' is not an age (expected e.g. 7d, 36h, 90m or P7D)");
  }

  @Test
  @DisplayName("--db overrides KUBEATTEST_DB; db status warns when older than --max-age")
  void explicitFileAndStaleness() throws IOException {
    Path other = directory.resolve("elsewhere/db.sqlite");
    Path archive = zip("Go/all.zip", "GO-1.json", record("GO-1", "Go", "golang.org/x/net"));
    assertThat(run("db", "import", "--db", other.toString(), archive.toString()).exitCode())
        .isZero();
    assertThat(other).exists();
    assertThat(directory.resolve("data")).doesNotExist();

    Cli fresh = run("db", "status", "--db", other.toString());
    assertThat(fresh.err()).isEmpty();
    Cli stale = run("db", "status", "--db", other.toString(), "--max-age", "P0D");
    assertThat(stale.exitCode()).isZero();
    assertThat(stale.err())
        .startsWith("warning: vulnerability database " + other + " was last updated ")
        .endsWith(" ago, more than 0 seconds; run kubeattest db update\n");
  }

  @Test
  @DisplayName("db update downloads from --mirror; a missing archive is a warning and exit 2")
  void update() throws IOException {
    byte[] debian =
        Files.readAllBytes(
            zip("served.zip", "DEBIAN-1.json", record("DEBIAN-1", "Debian:12", "bash")));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          if (exchange.getRequestURI().getPath().equals("/Debian/all.zip")) {
            exchange.sendResponseHeaders(200, debian.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(debian);
            }
          } else {
            exchange.sendResponseHeaders(404, -1);
          }
          exchange.close();
        });
    server.start();
    try {
      String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      Cli ok = run("db", "update", "--mirror", mirror, "--ecosystems", "Debian");
      assertThat(ok.exitCode()).isZero();
      assertThat(ok.out()).startsWith("updated 1 records into ");

      Cli partial = run("db", "update", "--mirror", mirror, "--ecosystems", "Debian,Alpine");
      assertThat(partial.exitCode()).isEqualTo(2);
      assertThat(partial.err())
          .isEqualTo("warning: Alpine: cannot download " + mirror + "Alpine/all.zip: HTTP 404\n");
      assertThat(partial.out()).contains("(1 unchanged, 1 skipped)");

      Cli none = run("db", "update", "--mirror", mirror, "--ecosystems", "Go");
      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err())
          .endsWith(
              "error: no OSV archive could be downloaded from "
                  + mirror
                  + "; the database is unchanged\n");
    } finally {
      server.stop(0);
    }
  }
}
