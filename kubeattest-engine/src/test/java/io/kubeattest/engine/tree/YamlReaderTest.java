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

class YamlReaderTest {
  private static List<YamlDocument> read(String yaml) {
    List<YamlDocument> documents = new ArrayList<>();
    new YamlReader(YamlLimits.DEFAULT).read("in.yaml", new StringReader(yaml), documents::add);
    return documents;
  }

  @Test
  @DisplayName("every field has its line; keys point at the key's line")
  void positions() {
    YamlDocument doc =
        read("""
                # comment
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - name: a
                      image: x
                    - name: b
                      securityContext:
                        privileged: true
                """)
            .get(0);
    assertThat(doc.start().line()).isEqualTo(2);
    assertThat(
            doc.positions()
                .locate(FieldPath.parse("spec.containers[1].securityContext.privileged")))
        .hasToString("in.yaml:10");
    assertThat(doc.positions().locate(FieldPath.parse("spec.containers[1]")))
        .hasToString("in.yaml:8");
    assertThat(
            doc.positions().locateNearest(FieldPath.parse("spec.containers[0].resources.limits")))
        .hasToString("in.yaml:6");
  }

  @Test
  @DisplayName(
      "multi-document streams keep each document's index and start line; empty ones are null")
  void multiDocument() {
    List<YamlDocument> docs = read("a: 1\n---\n---\nb: 2\n...\n---\nc: 3\n");
    assertThat(docs)
        .extracting(YamlDocument::root)
        .containsExactly(Map.of("a", 1L), null, Map.of("b", 2L), Map.of("c", 3L));
    assertThat(docs).extracting(YamlDocument::index).containsExactly(0, 1, 2, 3);
    assertThat(docs)
        .filteredOn(d -> d.root() != null)
        .extracting(d -> d.start().line())
        .containsExactly(1, 4, 7);
  }

  @Test
  @DisplayName("scalars resolve as Kubernetes reads YAML 1.1: yes/on are booleans, 0x/octal ints")
  void scalars() {
    Object root =
        read("a: yes\nb: off\nc: 0x1F\nd: 010\ne: 1.5\nf: ~\ng: '1'\nh: 1_000\ni: 12345678901234567890\n")
            .get(0)
            .root();
    assertThat(root)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("a", true)
        .containsEntry("b", false)
        .containsEntry("c", 31L)
        .containsEntry("d", 8L)
        .containsEntry("e", 1.5)
        .containsEntry("f", null)
        .containsEntry("g", "1")
        .containsEntry("h", 1000L)
        .containsEntry("i", 1.2345678901234567E19);
  }

  @Test
  @DisplayName("merge keys apply; explicit keys win")
  void mergeKeys() {
    Object root = read("base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\n").get(0).root();
    assertThat(((Map<?, ?>) root).get("child")).isEqualTo(Map.of("x", 1L, "y", 3L));
  }

  @Test
  @DisplayName("a billion-laughs bomb is refused with a one-line error naming the input")
  void aliasBomb() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> read(bomb.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("in.yaml: ")
        .hasMessageContaining("YAML bomb")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a bomb under the alias limit is stopped by the expanded-size limit")
  void expansionLimit() {
    YamlReader small = new YamlReader(new YamlLimits(100, 64, 1 << 20, 10_000));
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'e'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> small.read("b.yaml", new StringReader(bomb.toString()), d -> {}))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "b.yaml: aliases expand to more than 10000 values (a YAML bomb?); refusing to read it")
        .satisfies(e -> {});
  }

  @Test
  @DisplayName("nesting beyond the depth limit is refused; real CRD depth (50 levels) is read")
  void depth() {
    assertThat(read(nested(50))).hasSize(1);
    assertThatThrownBy(() -> read(nested(5000)))
        .isInstanceOf(InputException.class)
        .hasMessage("in.yaml: nesting deeper than 64 levels; refusing to read it");
  }

  @Test
  @DisplayName("a document over the size limit is refused")
  void size() {
    YamlReader tiny = new YamlReader(new YamlLimits(100, 64, 1000, 10_000));
    assertThatThrownBy(
            () -> tiny.read("big.yaml", new StringReader("a: " + "x".repeat(5000)), d -> {}))
        .isInstanceOf(InputException.class)
        .hasMessage("big.yaml: a document is larger than 1000 characters");
  }

  @Test
  @DisplayName("a syntax error names the input and line; earlier documents were delivered")
  void syntaxError() {
    List<YamlDocument> delivered = new ArrayList<>();
    assertThatThrownBy(
            () ->
                new YamlReader(YamlLimits.DEFAULT)
                    .read(
                        "bad.yaml",
                        new StringReader("a: 1\n---\nb: [1, 2\nc: 3\n"),
                        delivered::add))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("bad.yaml: not valid YAML at line ");
    assertThat(delivered).hasSize(1);
  }

  static String nested(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      out.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    out.append("  ".repeat(depth)).append("leaf: 1\n");
    return out.toString();
  }
}
