package io.kubeattest.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "spec.template.spec.containers[0].securityContext.privileged",
        "metadata.annotations[\"kubeattest.io/exempt\"]",
        "spec.volumes[*].hostPath",
        "data[\"a.b\"].x",
        "[3]"
      })
  @DisplayName("the string form round-trips")
  void roundTrip(String path) {
    assertThat(FieldPath.parse(path)).hasToString(path);
  }

  @Test
  @DisplayName("lookup, existence and wildcard expansion follow the tree")
  void navigation() {
    Map<String, Object> tree =
        Map.of(
            "spec",
            Map.of(
                "volumes",
                List.of(
                    Map.of("name", "a"), Map.of("name", "b", "hostPath", Map.of("path", "/")))));
    assertThat(FieldPath.parse("spec.volumes[1].hostPath.path").lookup(tree)).isEqualTo("/");
    assertThat(FieldPath.parse("spec.volumes[0].hostPath").existsIn(tree)).isFalse();
    assertThat(FieldPath.parse("spec.volumes[*].hostPath").expand(tree))
        .extracting(FieldPath::toString)
        .containsExactly("spec.volumes[1].hostPath");
  }

  @Test
  @DisplayName("malformed paths are refused with the position")
  void malformed() {
    assertThatThrownBy(() -> FieldPath.parse("a[1"))
        .hasMessageContaining("at character 2: unclosed '['");
    assertThatThrownBy(() -> FieldPath.parse("a[x]")).hasMessageContaining("expected [number]");
  }
}
