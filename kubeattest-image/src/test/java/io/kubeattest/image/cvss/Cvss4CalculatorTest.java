package io.kubeattest.image.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** CVSS v4.0 scoring against scores published by FIRST, advisories and other calculators. */
class Cvss4CalculatorTest {
  private static final String PUBLISHED = "/cvss/cvss4-published.csv";
  private static final List<String> VALUES = List.of("N A L P", "L H", "N P", "N L H", "N P A");

  private final CvssCalculator calculator = new CvssCalculator();

  @ParameterizedTest(name = "{0} = {1}")
  @DisplayName("v4.0 scores equal the published scores (sources in the file's comments)")
  @CsvFileSource(resources = PUBLISHED)
  void published(String vector, String score) {
    CvssScore s = calculator.baseScore(vector);

    assertThat(s.version()).isEqualTo(CvssVersion.V4_0);
    assertThat(s.vector()).isEqualTo(vector);
    assertThat(s.baseScore()).isEqualTo(new BigDecimal(score).setScale(1));
  }

  @Test
  @DisplayName("the published vectors reach every level of each of the six equivalence sets")
  void publishedCoverEveryLevel() throws IOException {
    List<MacroVector> macros = new ArrayList<>();
    for (String line : publishedLines()) {
      macros.add(MacroVector.of(Cvss4Vector.parse(line.substring(0, line.indexOf(',')))));
    }

    assertThat(levels(macros, MacroVector::eq1)).containsExactly(0, 1, 2);
    assertThat(levels(macros, MacroVector::eq2)).containsExactly(0, 1);
    assertThat(levels(macros, MacroVector::eq3)).containsExactly(0, 1, 2);
    assertThat(levels(macros, MacroVector::eq4)).containsExactly(0, 1, 2);
    assertThat(levels(macros, MacroVector::eq5)).containsExactly(0, 1, 2);
    assertThat(levels(macros, MacroVector::eq6)).containsExactly(0, 1);
    assertThat(publishedLines()).hasSizeGreaterThanOrEqualTo(100);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @DisplayName("an exact tie at the second decimal rounds half up, in decimal arithmetic")
  @CsvSource({
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H, 8.55, 8.6",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U, 0.35, 0.4",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P, 8.95, 9.0",
  })
  void tiesRoundUp(String vector, String unrounded, String score) {
    Cvss4Vector v = Cvss4Vector.parse(vector);

    assertThat(Cvss4Scorer.unrounded(v)).isEqualByComparingTo(unrounded);
    assertThat(Cvss4Scorer.score(v)).isEqualTo(new BigDecimal(score));
  }

  @Test
  @DisplayName(
      "every one of the 104,976 base vectors scores 0.0 to 10.0; 0.0 exactly without impact")
  void everyBaseVector() {
    int scored = 0;
    List<String> wrong = new ArrayList<>();
    for (List<String> exploitability : combinations(VALUES)) {
      for (List<String> impact :
          combinations(List.of("H L N", "H L N", "H L N", "H L N", "H L N", "H L N"))) {
        String vector =
            "CVSS:4.0/AV:%s/AC:%s/AT:%s/PR:%s/UI:%s/VC:%s/VI:%s/VA:%s/SC:%s/SI:%s/SA:%s"
                .formatted(
                    exploitability.get(0),
                    exploitability.get(1),
                    exploitability.get(2),
                    exploitability.get(3),
                    exploitability.get(4),
                    impact.get(0),
                    impact.get(1),
                    impact.get(2),
                    impact.get(3),
                    impact.get(4),
                    impact.get(5));
        BigDecimal score = calculator.baseScore(vector).baseScore();
        boolean noImpact = impact.stream().allMatch("N"::equals);
        if ((score.signum() == 0) != noImpact || score.compareTo(BigDecimal.TEN) > 0) {
          wrong.add(vector + " = " + score);
        }
        scored++;
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(scored).isEqualTo(104_976);
  }

  @Test
  @DisplayName("20,000 seeded random vectors with every metric group score 0.0 to 10.0")
  void randomFullVectors() {
    Random random = new Random(20231101);
    List<String> metrics =
        List.of(
            "AV:N,A,L,P",
            "AC:L,H",
            "AT:N,P",
            "PR:N,L,H",
            "UI:N,P,A",
            "VC:H,L,N",
            "VI:H,L,N",
            "VA:H,L,N",
            "SC:H,L,N",
            "SI:H,L,N",
            "SA:H,L,N",
            "E:X,A,P,U",
            "CR:X,H,M,L",
            "IR:X,H,M,L",
            "AR:X,H,M,L",
            "MAV:X,N,A,L,P",
            "MAC:X,L,H",
            "MAT:X,N,P",
            "MPR:X,N,L,H",
            "MUI:X,N,P,A",
            "MVC:X,H,L,N",
            "MVI:X,H,L,N",
            "MVA:X,H,L,N",
            "MSC:X,H,L,N",
            "MSI:X,S,H,L,N",
            "MSA:X,S,H,L,N",
            "S:X,N,P",
            "U:X,Clear,Green,Amber,Red");
    for (int i = 0; i < 20_000; i++) {
      StringBuilder vector = new StringBuilder("CVSS:4.0");
      for (String metric : metrics) {
        String[] values = metric.substring(metric.indexOf(':') + 1).split(",", -1);
        vector.append('/').append(metric, 0, metric.indexOf(':') + 1);
        vector.append(values[random.nextInt(values.length)]);
      }
      BigDecimal score = calculator.baseScore(vector.toString()).baseScore();
      if (score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
        throw new AssertionError(vector + " = " + score);
      }
    }
  }

  @Test
  @DisplayName(
      "metric order does not matter; supplemental metrics and X (not defined) change nothing")
  void orderAndSupplemental() {
    String canonical = "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N";
    String shuffled = "CVSS:4.0/SA:N/SI:N/SC:N/VA:L/VI:L/VC:H/UI:N/PR:N/AT:P/AC:L/AV:N";
    String supplemental = canonical + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red";

    assertThat(calculator.baseScore(shuffled).baseScore()).isEqualByComparingTo("8.3");
    assertThat(calculator.baseScore(supplemental).baseScore()).isEqualByComparingTo("8.3");
    assertThat(calculator.baseScore(canonical + "/E:X/CR:X/MAV:X/MSI:X").baseScore())
        .isEqualByComparingTo("8.3");
  }

  private static Set<Integer> levels(List<MacroVector> macros, ToIntFunction<MacroVector> level) {
    Set<Integer> levels = new TreeSet<>();
    macros.forEach(m -> levels.add(level.applyAsInt(m)));
    return levels;
  }

  private static List<String> publishedLines() throws IOException {
    try (InputStream in = Cvss4CalculatorTest.class.getResourceAsStream(PUBLISHED)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }

  /** Every combination of one value from each space-separated list of values. */
  private static List<List<String>> combinations(List<String> valueLists) {
    List<List<String>> combinations = List.of(List.of());
    for (String values : valueLists) {
      List<List<String>> longer = new ArrayList<>();
      for (List<String> prefix : combinations) {
        for (String value : values.split(" ", -1)) {
          List<String> combination = new ArrayList<>(prefix);
          combination.add(value);
          longer.add(combination);
        }
      }
      combinations = longer;
    }
    return combinations;
  }
}
