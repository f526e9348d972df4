package io.kubeattest.sources.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.YamlLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSourceTest {
  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: %s
      spec:
        containers:
          - name: app
            image: app:1
      """;

  @TempDir Path dir;

  private ManifestSource.Collected read(List<String> inputs, InputStream stdin) {
    ManifestSource.Collected sink = new ManifestSource.Collected();
    ManifestSource.withDefaults().read(inputs, stdin, sink);
    return sink;
  }

  private ManifestSource.Collected read(String... inputs) {
    return read(List.of(inputs), InputStream.nullInputStream());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static List<String> names(ManifestSource.Collected sink) {
    return sink.objects().stream().map(o -> o.ref().name()).toList();
  }

  @Test
  @DisplayName("a directory is read recursively in path order; hidden dirs and other files skipped")
  void directory() throws IOException {
    write("b.yaml", POD.formatted("b"));
    write("a/nested.yml", POD.formatted("nested"));
    write(
        "a/c.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"json\"}}");
    write(".git/hidden.yaml", POD.formatted("hidden"));
    write("README.md", "# not a manifest");
    ManifestSource.Collected sink = read(dir.toString());
    assertThat(names(sink)).containsExactly("json", "nested", "b");
    assertThat(sink.notes()).isEmpty();
  }

  @Test
  @DisplayName("standard input is named '-', multi-document, with lines for objects and fields")
  void stdin() {
    String yaml = POD.formatted("one") + "---\n" + POD.formatted("two");
    ManifestSource.Collected sink =
        read(List.of("-"), new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(names(sink)).containsExactly("one", "two");
    KubernetesObject second = sink.objects().get(1);
    assertThat(second.location()).hasToString("-:10");
    assertThat(second.positions().locate(FieldPath.parse("spec.containers[0].image")))
        .hasToString("-:17");
  }

  @Test
  @DisplayName("kind: List and *List items are objects with their own lines")
  void lists() throws IOException {
    Path file =
        write(
            "list.yaml",
            """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Service
                metadata: {name: svc}
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: dep}
                spec:
                  template:
                    spec:
                      containers: [{name: c, image: x:1}]
              - just: data
            """);
    ManifestSource.Collected sink = read(file.toString());
    assertThat(names(sink)).containsExactly("svc", "dep");
    assertThat(sink.objects().get(1).location().line()).isEqualTo(7);
    assertThat(
            sink.objects()
                .get(1)
                .positions()
                .locate(FieldPath.parse("spec.template.spec.containers")))
        .hasToString(file + ":13");
    assertThat(sink.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(InputNote.Kind.SKIPPED);
              assertThat(n.message()).isEqualTo("list item 2 is not a Kubernetes object; skipped");
            });
  }

  @Test
  @DisplayName("a document without apiVersion and kind is skipped with a note naming file:line")
  void notAnObject() throws IOException {
    Path file = write("mixed.yaml", "replicas: 3\n---\n" + POD.formatted("p"));
    ManifestSource.Collected sink = read(file.toString());
    assertThat(names(sink)).containsExactly("p");
    assertThat(sink.notes())
        .extracting(InputNote::line)
        .containsExactly(file + ":1: not a Kubernetes object (no apiVersion and kind); skipped");
  }

  @Test
  @DisplayName(
      "a YAML bomb, a binary file, an empty file and a missing file each get one line; "
          + "the other inputs are still read")
  void hostileInputs() throws IOException {
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
    Path bombFile = write("bomb.yaml", bomb.toString());
    Path binary = dir.resolve("blob.yaml");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
    Path empty = write("empty.yaml", "");
    Path good = write("good.yaml", POD.formatted("good"));
    ManifestSource.Collected sink =
        read(
            bombFile.toString(),
            binary.toString(),
            empty.toString(),
            dir.resolve("missing.yaml").toString(),
            good.toString());
    assertThat(names(sink)).containsExactly("good");
    assertThat(sink.notes())
        .extracting(n -> n.kind() + " " + n.line())
        .containsExactly(
            "ERROR "
                + bombFile
                + ": aliases expand to more than 100000 values (a YAML bomb?); refusing to read it",
            "ERROR " + binary + ": binary content, not YAML or JSON; skipped",
            "SKIPPED " + empty + ": empty: no documents",
            "ERROR " + dir.resolve("missing.yaml") + ": no such file or directory");
    assertThat(sink.notes()).allSatisfy(n -> assertThat(n.line()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a 50-level-deep document is read (real CRDs nest about 40); 65 levels is refused")
  void deepDocuments() throws IOException {
    Path deep = write("deep.yaml", nested(50));
    Path tooDeep = write("too-deep.yaml", nested(65));
    ManifestSource.Collected sink = read(deep.toString(), tooDeep.toString());
    assertThat(sink.notes())
        .extracting(InputNote::line)
        .containsExactly(
            deep + ":1: not a Kubernetes object (no apiVersion and kind); skipped",
            tooDeep + ": nesting deeper than 64 levels; refusing to read it");
  }

  @Test
  @DisplayName("invalid UTF-8 and files over the size limit are refused by name")
  void encodingAndSize() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path big = write("big.yaml", POD.formatted("x".repeat(200)));
    ManifestSource.Collected sink = new ManifestSource.Collected();
    new ManifestSource(YamlLimits.DEFAULT, 100)
        .read(List.of(latin1.toString(), big.toString()), InputStream.nullInputStream(), sink);
    assertThat(sink.notes()).extracting(InputNote::kind).containsOnly(InputNote.Kind.ERROR);
    assertThat(sink.notes().get(0).line()).startsWith(latin1 + ": ");
    assertThat(sink.notes().get(1).line())
        .isEqualTo(big + ": file is " + Files.size(big) + " bytes, larger than the limit of 100");
  }

  @Test
  @DisplayName("a byte-order mark and JSON on standard input are handled")
  void bomAndJsonOnStdin() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] body =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"j\"}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, input, 0, bom.length);
    System.arraycopy(body, 0, input, bom.length, body.length);
    assertThat(names(read(List.of("-"), new ByteArrayInputStream(input)))).containsExactly("j");
  }

  private static String nested(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth - 1; i++) {
      out.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    out.append("  ".repeat(depth - 1)).append("leaf: 1\n");
    return out.toString();
  }
}
