package io.kubeattest.image.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Severity;
import io.kubeattest.image.osv.OsvParser;
import io.kubeattest.image.osv.OsvRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which source decides a vulnerability's severity. */
class SeverityRaterTest {
  private final SeverityRater rater = new SeverityRater();

  private RatedSeverity rate(String severity, String ecosystemSpecific, String databaseSpecific) {
    OsvRecord record =
        new OsvParser()
            .parse(
                """
                {"id": "X-1", "severity": [%s], "database_specific": {%s},
                 "affected": [{"package": {"ecosystem": "Ubuntu:22.04:LTS", "name": "bash"},
                   "ecosystem_specific": {%s}}]}
                """
                    .formatted(severity, databaseSpecific, ecosystemSpecific),
                "test");
    return rater.rate(record, record.affected().get(0));
  }

  @Test
  @DisplayName("a CVSS v3 vector wins over a v2 vector and over the distribution's word")
  void v3First() {
    RatedSeverity rated =
        rate(
            """
            {"type": "CVSS_V2", "score": "AV:N/AC:L/Au:N/C:C/I:C/A:C"},
            {"type": "CVSS_V3", "score": "CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"}
            """,
            "\"severity\": \"critical\"",
            "");
    assertThat(rated.severity()).isEqualTo(Severity.LOW);
    assertThat(rated.basis()).startsWith("CVSS 3.0 base score 1.8 (");
  }

  @Test
  @DisplayName("a v2 vector alone is rated on NVD's scale")
  void v2() {
    RatedSeverity rated =
        rate("{\"type\": \"CVSS_V2\", \"score\": \"AV:N/AC:L/Au:N/C:C/I:C/A:C\"}", "", "");
    assertThat(rated.severity()).isEqualTo(Severity.HIGH);
    assertThat(rated.basis()).isEqualTo("CVSS 2.0 base score 10.0 (AV:N/AC:L/Au:N/C:C/I:C/A:C)");
  }

  @Test
  @DisplayName("a CVSS v4.0 vector is computed and wins over v3.1, even from the record level")
  void v4First() {
    OsvRecord record =
        new OsvParser()
            .parse(
                """
                {"id": "X-4", "severity": [{"type": "CVSS_V4",
                   "score": "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}],
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "x"},
                   "severity": [{"type": "CVSS_V3",
                     "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}]}
                """,
                "test");
    RatedSeverity rated = rater.rate(record, record.affected().get(0));

    assertThat(rated.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(rated.basis())
        .isEqualTo(
            "CVSS 4.0 score 5.2"
                + " (CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U)");
  }

  @Test
  @DisplayName("a v4.0 vector without impact is info; broken vectors are passed over")
  void v4NoneAndBroken() {
    assertThat(
            rate(
                    """
                    {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N"}
                    """,
                    "",
                    "")
                .severity())
        .isEqualTo(Severity.INFO);
    RatedSeverity rated =
        rate(
            """
            {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H"},
            {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N"},
            {"type": "Ubuntu", "score": "medium"}
            """,
            "",
            "");
    assertThat(rated)
        .isEqualTo(new RatedSeverity(Severity.MEDIUM, "Ubuntu priority: medium", true));
  }

  @Test
  @DisplayName("words that say nothing fall through; nothing at all is low, marked not rated")
  void fallback() {
    assertThat(rate("", "\"urgency\": \"not yet assigned\"", "\"severity\": \"Unknown\""))
        .isEqualTo(new RatedSeverity(Severity.LOW, "not rated", false));
    assertThat(rate("", "\"urgency\": \"unimportant\"", ""))
        .isEqualTo(new RatedSeverity(Severity.LOW, "Ubuntu urgency: unimportant", true));
    assertThat(rate("", "\"urgency\": \"high**\"", "").severity()).isEqualTo(Severity.HIGH);
    assertThat(rate("", "", "\"severity\": \"Critical\"").basis())
        .isEqualTo("Ubuntu severity: Critical");
  }
}
