package io.kubeattest.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.InputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  private static List<YamlDocument> read(String json) {
    List<YamlDocument> documents = new ArrayList<>();
    new JsonReader(YamlLimits.DEFAULT).read("in.json", new StringReader(json), documents::add);
    return documents;
  }

  @Test
  @DisplayName("values keep their lines; several concatenated values are several documents")
  void positionsAndStream() {
    List<YamlDocument> docs =
        read(
            "{\n  \"kind\": \"Pod\",\n  \"spec\": {\n    \"hostPID\": true\n  }\n}\n{\"a\": [1, 2.5, null]}\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).positions().locate(FieldPath.parse("spec.hostPID")))
        .hasToString("in.json:4");
    assertThat(docs.get(1).start().line()).isEqualTo(7);
    assertThat(docs.get(1).root()).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, null)));
  }

  @Test
  @DisplayName("deep nesting and syntax errors give one-line errors naming the input")
  void errors() {
    assertThatThrownBy(() -> read("[".repeat(1000) + "]".repeat(1000)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("in.json: exceeds a limit");
    assertThatThrownBy(() -> read("{\"a\": }"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("in.json: not valid JSON at line 1");
  }
}
