package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileModeTest {
  @ParameterizedTest(name = "{0} within {1}: {2}")
  @CsvSource({
    "600, 600, true",
    "400, 600, true",
    "0600, 600, true",
    "0o400, 0644, true",
    "640, 600, false",
    "644, 600, false",
    "077, 600, false",
    "700, 600, false",
    "644, 644, true",
    "755, 644, false",
    "4755, 755, false"
  })
  @DisplayName("a mode passes 'X or more restrictive' when it grants no bit beyond X")
  void atMost(String mode, String allowed, boolean expected) {
    assertThat(FileMode.atMost(FileMode.parse(mode), FileMode.parse(allowed))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"rw-r--r--", "0x1a4", "''", "8", "1234567"})
  @DisplayName("anything but an octal mode is refused, naming the text")
  void refuses(String text) {
    assertThatThrownBy(() -> FileMode.parse(text))
        .hasMessageContaining("is not an octal file mode");
  }
}
