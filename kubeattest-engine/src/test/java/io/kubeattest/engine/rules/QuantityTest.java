package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "500m, 0.5",
    "1, 1",
    "2.5, 2.5",
    "100n, 0.0000001",
    "1k, 1000",
    "1Ki, 1024",
    "1Mi, 1048576",
    "1Gi, 1073741824",
    "1G, 1000000000",
    "1.5Gi, 1610612736",
    "1e3, 1000",
    "1E-3, 0.001",
    "-2, -2",
    ".5, 0.5"
  })
  @DisplayName("quantity syntax parses to its exact value")
  void parses(String text, String value) {
    assertThat(Quantity.parse(text).value()).isEqualByComparingTo(new BigDecimal(value));
  }

  @ParameterizedTest
  @CsvSource({"abc", "1Gb", "1 Gi", "''", "1e1000", "--1"})
  @DisplayName("anything else is refused, naming the text")
  void refuses(String text) {
    assertThat(Quantity.tryParse(text)).isNull();
    assertThatThrownBy(() -> Quantity.parse(text))
        .hasMessageContaining("is not a Kubernetes quantity");
  }

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({"500m, 1", "1Gi, 1100M", "999Mi, 1Gi", "0, 1m"})
  @DisplayName("quantities order by value across suffixes")
  void orders(String smaller, String larger) {
    assertThat(Quantity.parse(smaller).isLessThan(Quantity.parse(larger))).isTrue();
    assertThat(Quantity.parse(larger).isGreaterThan(Quantity.parse(smaller))).isTrue();
  }
}
