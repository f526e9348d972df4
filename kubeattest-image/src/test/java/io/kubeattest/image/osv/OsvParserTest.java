package io.kubeattest.image.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsvParserTest {

  @Test
  @DisplayName("Reads every schema field of a record and ignores unknown fields")
  void readsAllFields() {
    OsvRecord r = OsvFixtures.load("debian-openssl.json");

    assertThat(r.id()).isEqualTo("KA-TEST-DEB-0001");
    assertThat(r.aliases()).containsExactly("CVE-2023-5678");
    assertThat(r.modified()).isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
    assertThat(r.published()).isEqualTo(Instant.parse("2023-11-06T16:15:00Z"));
    assertThat(r.withdrawn()).isNull();
    assertThat(r.summary()).startsWith("openssl:");
    assertThat(r.severity())
        .containsExactly(new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"));
    assertThat(r.references()).extracting(Reference::type).containsExactly("ADVISORY");
    assertThat(r.affected()).hasSize(2);
    Affected first = r.affected().get(0);
    assertThat(first.pkg())
        .isEqualTo(
            new AffectedPackage("Debian:12", "openssl", "pkg:deb/debian/openssl?arch=source"));
    assertThat(first.ranges())
        .singleElement()
        .satisfies(
            range -> {
              assertThat(range.type()).isEqualTo(Range.Type.ECOSYSTEM);
              assertThat(range.events())
                  .containsExactly(
                      new Event(Event.Kind.INTRODUCED, "0"),
                      new Event(Event.Kind.FIXED, "3.0.11-1~deb12u2"));
            });
    assertThat(first.ecosystemSpecific()).containsEntry("urgency", "not yet assigned");
    assertThat(first.databaseSpecific().get("nested"))
        .isEqualTo(Map.of("n", BigInteger.valueOf(3)));
  }

  @Test
  @DisplayName("Missing optional fields read as empty values, timestamps as null")
  void optionalFieldsDefault() {
    OsvRecord r = new OsvParser().parse("{\"id\":\"X-1\"}", "inline");

    assertThat(r.aliases()).isEmpty();
    assertThat(r.affected()).isEmpty();
    assertThat(r.summary()).isEmpty();
    assertThat(r.modified()).isNull();
    assertThat(r.databaseSpecific()).isEmpty();
  }

  @Test
  @DisplayName("GIT ranges keep their repository; records without a package still parse")
  void gitRanges() {
    OsvRecord r = OsvFixtures.load("git-only.json");

    assertThat(r.affected().get(0).pkg()).isNull();
    assertThat(r.affected().get(0).ranges().get(0).repo())
        .isEqualTo("https://github.com/curl/curl");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("A malformed document fails with its file, record id and field named")
  @CsvSource(
      delimiter = '|',
      value = {
        "truncated.json      | not valid JSON",
        "no-id.json          | missing string field 'id'",
        "bad-range-type.json | KA-TEST-BAD-0003 in bad/bad-range-type.json: field 'affected[0].ranges[1].type': expected SEMVER, ECOSYSTEM or GIT, got 'CALVER'",
        "two-keys-event.json | field 'affected[0].ranges[0].events[0]': expected exactly one of"
      })
  void malformed(String file, String message) {
    assertThatThrownBy(() -> OsvFixtures.load("bad/" + file))
        .isInstanceOf(OsvFormatException.class)
        .hasMessageContaining("bad/" + file.strip())
        .hasMessageContaining(message.strip());
  }

  @Test
  @DisplayName("Reading a file names the file in errors")
  void namesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("GHSA-xxxx.json");
    Files.writeString(file, "{\"id\": 42}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new OsvParser().parse(file))
        .isInstanceOf(OsvFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'id'");
  }
}
