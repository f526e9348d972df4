package io.kubeattest.image.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.InputException;
import io.kubeattest.image.osv.OsvRecord;
import io.kubeattest.image.version.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing OSV archives, directories and files into a real database file. */
class OsvImporterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path directory;
  private final List<String> warnings = new ArrayList<>();

  private VulnerabilityDatabase database() {
    return VulnerabilityDatabase.create(directory.resolve("data/vulndb.sqlite"), CLOCK);
  }

  @Test
  @DisplayName("an all.zip is imported record by record; bad and oversized entries are skipped")
  void archiveWithBadEntries() throws IOException {
    byte[] bomb = new byte[4 << 20]; // 4 MiB of zeros: inflates 1000 times its compressed size
    Path zip =
        new OsvZip()
            .record(
                "DEBIAN-CVE-2024-0001", "Debian:12", "openssl", "2024-01-01T00:00:00Z", "3.0.12-1")
            .entry("DEBIAN-CVE-2024-0002.json", "{\"id\": \"DEBIAN-CVE-2024-0002\", ")
            .entry("bomb.json", bomb)
            .entry("README.txt", "not a record")
            .record(
                "DEBIAN-CVE-2024-0003", "Debian:12", "curl", "2024-01-02T00:00:00Z", "7.88.1-10")
            .writeTo(directory.resolve("Debian/all.zip"));

    try (VulnerabilityDatabase db = database()) {
      ImportRecord result = new OsvImporter(1 << 20).importPaths(db, List.of(zip), warnings::add);

      assertThat(result.stored()).isEqualTo(2);
      assertThat(result.failed()).isEqualTo(2);
      assertThat(warnings)
          .hasSize(2)
          .anySatisfy(
              w ->
                  assertThat(w)
                      .startsWith(
                          "OSV document " + zip + "!DEBIAN-CVE-2024-0002.json is not valid JSON"))
          .anySatisfy(
              w -> assertThat(w).isEqualTo(zip + "!bomb.json: larger than 1048576 bytes; skipped"));
      assertThat(warnings).allSatisfy(w -> assertThat(w).doesNotContain("\n"));
      assertThat(db.recordsFor(Ecosystem.DEBIAN, "openssl"))
          .extracting(OsvRecord::id)
          .containsExactly("DEBIAN-CVE-2024-0001");
      assertThat(db.recordsFor(Ecosystem.DEBIAN, "curl")).hasSize(1);
      assertThat(db.recordsFor(Ecosystem.DEBIAN, "libssl3")).isEmpty();
      assertThat(db.recordsFor(Ecosystem.UBUNTU, "openssl")).isEmpty();
    }
  }

  @Test
  @DisplayName("an entry that lies about its size is cut off at the limit while inflating")
  void lyingEntrySize() throws IOException {
    byte[] bomb = new byte[8 << 20];
    Path zip =
        new OsvZip()
            .entry("bomb.json", bomb)
            .record("A-1", "npm", "left-pad", "2024-01-01T00:00:00Z", "1.3.0")
            .writeTo(directory.resolve("npm/all.zip"));
    declareSmallSizes(zip);
    try (VulnerabilityDatabase db = database()) {
      ImportRecord result = new OsvImporter(1 << 20).importPaths(db, List.of(zip), warnings::add);

      assertThat(result.stored()).isEqualTo(1);
      assertThat(warnings)
          .containsExactly(zip + "!bomb.json: inflates to more than 1048576 bytes; skipped");
    }
  }

  /** Rewrites every central directory entry's uncompressed size to 100 bytes. */
  private static void declareSmallSizes(Path zip) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    java.nio.ByteBuffer buffer =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 <= bytes.length; i++) {
      if (buffer.getInt(i) == 0x02014b50 && buffer.getInt(i + 24) > 100) {
        buffer.putInt(i + 24, 100);
      }
    }
    Files.write(zip, bytes);
  }

  @Test
  @DisplayName("re-importing keeps what is unchanged and replaces a record only when newer")
  void upsertByModified() throws IOException {
    Path old =
        new OsvZip()
            .record("GHSA-1", "npm", "lodash", "2024-01-01T00:00:00Z", "4.17.19")
            .writeTo(directory.resolve("old/all.zip"));
    Path renamed =
        new OsvZip()
            .record("GHSA-1", "npm", "lodash-es", "2024-02-01T00:00:00Z", "4.17.20")
            .writeTo(directory.resolve("new/all.zip"));
    Path stale =
        new OsvZip()
            .record("GHSA-1", "npm", "underscore", "2023-12-01T00:00:00Z", "1.0.0")
            .writeTo(directory.resolve("stale/all.zip"));
    OsvImporter importer = new OsvImporter();
    try (VulnerabilityDatabase db = database()) {
      assertThat(importer.importPaths(db, List.of(old), warnings::add).stored()).isEqualTo(1);
      ImportRecord again = importer.importPaths(db, List.of(old), warnings::add);
      assertThat(again.stored()).isZero();
      assertThat(again.unchanged()).isEqualTo(1);

      assertThat(importer.importPaths(db, List.of(renamed), warnings::add).stored()).isEqualTo(1);
      assertThat(db.recordsFor(Ecosystem.NPM, "lodash")).isEmpty();
      assertThat(db.recordsFor(Ecosystem.NPM, "lodash-es")).hasSize(1);

      assertThat(importer.importPaths(db, List.of(stale), warnings::add).unchanged()).isEqualTo(1);
      assertThat(db.recordsFor(Ecosystem.NPM, "underscore")).isEmpty();
      assertThat(db.status().records()).isEqualTo(1);
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  @DisplayName("directories are searched for JSON files and archives; PyPI names are normalised")
  void directoriesAndFiles() throws IOException {
    Path tree = directory.resolve("osv");
    Files.createDirectories(tree.resolve("PyPI"));
    Files.writeString(
        tree.resolve("PyPI/PYSEC-1.json"),
        OsvZip.json("PYSEC-1", "PyPI", "Zope.Interface", "2024-01-01T00:00:00Z", "6.0"));
    Files.writeString(tree.resolve("PyPI/broken.json"), "[1, 2]");
    new OsvZip()
        .record("GO-1", "Go", "golang.org/x/net", "2024-01-01T00:00:00Z", "0.17.0")
        .writeTo(tree.resolve("Go/all.zip"));
    Path single =
        Files.writeString(
            directory.resolve("MAL-1.json"),
            OsvZip.json("MAL-1", "npm", "evil", "2024-01-01T00:00:00Z", "9.9.9"));

    try (VulnerabilityDatabase db = database()) {
      ImportRecord result = new OsvImporter().importPaths(db, List.of(tree, single), warnings::add);

      assertThat(result.stored()).isEqualTo(3);
      assertThat(warnings)
          .containsExactly(
              "OSV document " + tree.resolve("PyPI/broken.json") + ": expected a JSON object");
      assertThat(db.recordsFor(Ecosystem.PYPI, "zope-interface")).hasSize(1);
      assertThat(db.recordsFor(Ecosystem.PYPI, "ZOPE_INTERFACE")).hasSize(1);
      assertThat(db.recordsFor(Ecosystem.GO, "golang.org/x/net")).hasSize(1);
      assertThat(db.status().recordsPerEcosystem())
          .isEqualTo(Map.of("Go", 1L, "PyPI", 1L, "npm", 1L));
    }
  }

  @Test
  @DisplayName("a file that is not a zip is a warning; a missing path stops before writing")
  void badInputs() throws IOException {
    Path fake = Files.writeString(directory.resolve("all.zip"), "not a zip");
    try (VulnerabilityDatabase db = database()) {
      ImportRecord result = new OsvImporter().importPaths(db, List.of(fake), warnings::add);
      assertThat(result.failed()).isEqualTo(1);
      assertThat(warnings)
          .singleElement()
          .asString()
          .startsWith(fake + ": not a readable zip archive");

      Path missing = directory.resolve("nope");
      assertThatThrownBy(() -> new OsvImporter().importPaths(db, List.of(missing), warnings::add))
          .isInstanceOf(InputException.class)
          .hasMessage(missing + ": no such file or directory");
      assertThat(db.status().lastImport().source()).isEqualTo(fake.toString());
    }
  }
}
