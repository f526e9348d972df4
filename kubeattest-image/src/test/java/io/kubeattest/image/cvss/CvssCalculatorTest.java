package io.kubeattest.image.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssCalculatorTest {
  private final CvssCalculator calculator = new CvssCalculator();

  @ParameterizedTest(name = "{0} = {1} {2}")
  @DisplayName(
      "v3 and v4.0 scores match published scores, and are rated 0.0 none, then low to critical")
  @CsvSource({
    // FIRST, CVSS v3.1 Examples, and NVD
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4, MEDIUM",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N, 3.1, LOW",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, 8.8, HIGH",
    "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 7.8, HIGH",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N, 7.4, HIGH",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H, 9.6, CRITICAL",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N, 6.8, MEDIUM",
    "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 6.8, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N, 5.8, MEDIUM",
    "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H, 9.3, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N, 5.4, MEDIUM",
    "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 8.8, HIGH",
    "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N, 4.6, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, NONE",
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
    // v4.0 at the rating bands' edges (sources: cvss4-published.csv)
    "CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0, NONE",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U, 0.4, LOW",
    "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N, 4.0, MEDIUM",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N, 6.9, MEDIUM",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:L/VA:L/SC:H/SI:L/SA:L, 7.0, HIGH",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P, 9.0, CRITICAL",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0, CRITICAL",
  })
  void v3AndV4(String vector, String score, SeverityRating rating) {
    CvssScore s = calculator.baseScore(vector);

    assertThat(s.baseScore()).isEqualByComparingTo(new BigDecimal(score));
    assertThat(s.rating()).isEqualTo(rating);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @DisplayName("CVSS v2 base scores match the specification's examples and NVD")
  @CsvSource({
    "AV:N/AC:L/Au:N/C:N/I:N/A:C, 7.8, HIGH",
    "AV:N/AC:L/Au:N/C:C/I:C/A:C, 10.0, HIGH",
    "AV:L/AC:H/Au:N/C:C/I:C/A:C, 6.2, MEDIUM",
    "AV:N/AC:L/Au:N/C:P/I:N/A:N, 5.0, MEDIUM",
    "AV:N/AC:M/Au:N/C:C/I:C/A:C, 9.3, HIGH",
    "AV:N/AC:M/Au:N/C:P/I:N/A:N, 4.3, MEDIUM",
    "AV:N/AC:L/Au:N/C:P/I:P/A:P, 7.5, HIGH",
    "(AV:N/AC:L/Au:N/C:P/I:P/A:P), 7.5, HIGH",
    "AV:L/AC:L/Au:N/C:N/I:N/A:N, 0.0, LOW",
  })
  void v2(String vector, String score, SeverityRating rating) {
    CvssScore s = calculator.baseScore(vector);

    assertThat(s.version()).isEqualTo(CvssVersion.V2);
    assertThat(s.baseScore()).isEqualByComparingTo(new BigDecimal(score));
    assertThat(s.rating()).isEqualTo(rating);
  }

  @Test
  @DisplayName("Temporal and environmental metrics are accepted and do not change the base score")
  void ignoresTemporal() {
    assertThat(
            calculator
                .baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R/MAV:L")
                .baseScore())
        .isEqualByComparingTo("9.8");
  }

  @Test
  @DisplayName("v3.1 Roundup avoids the floating-point error a plain ceiling makes")
  void roundUp() {
    assertThat(CvssCalculator.roundUp(CvssVersion.V3_1, 4.000000000000001)).isEqualTo(4.0);
    assertThat(CvssCalculator.roundUp(CvssVersion.V3_1, 4.02)).isEqualTo(4.1);
    assertThat(CvssCalculator.roundUp(CvssVersion.V3_0, 4.02)).isEqualTo(4.1);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Bad vectors (v2, v3, v4.0) fail with one line naming the vector and the problem")
  @CsvSource(
      delimiter = '|',
      value = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H | base metric 'A' is missing",
        "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | metric 'AV' has no value 'X'",
        "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | metric 'AV' appears twice",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1 | unknown metric 'ZZ'",
        "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS version 3.2 is not supported",
        "not a vector | expected METRIC:VALUE, got 'not a vector'",
        "CVSS:4.0 | expected metrics after 'CVSS:4.0/'",
        "CVSS:4.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | CVSS version 4.1 is not supported",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N | base metric 'SA' is missing",
        "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | base metric 'AT' is missing",
        "CVSS:4.0/AV:F/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | metric 'AV' has no value 'F'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N | metric 'SI' has no value 'S'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Z | metric 'E' has no value 'Z'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S | metric 'MSC' has no value 'S'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | metric 'U' has no value 'red'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/ui:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | unknown metric 'ui'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/C:H | unknown metric 'C'",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:X | metric 'E' appears twice",
        "CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | metric 'AV' appears twice",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ | expected METRIC:VALUE, got ''",
        "CVSS:4.0/AV=N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | expected METRIC:VALUE, got 'AV=N'",
        "AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | unknown metric 'AT'",
      })
  void invalid(String vector, String problem) {
    assertThatThrownBy(() -> calculator.baseScore(vector))
        .isInstanceOf(CvssFormatException.class)
        .hasMessage("invalid CVSS vector '" + vector + "': " + problem)
        .hasMessageNotContaining("\n");
  }
}
