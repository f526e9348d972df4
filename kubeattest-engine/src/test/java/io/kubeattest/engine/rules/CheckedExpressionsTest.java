package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.testing.Manifests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckedExpressionsTest {
  private static final Path CLASSES = Path.of("target/classes");

  /** Every built-in source: the rules, the image rules and each benchmark version. */
  private static List<RuleLoader.RuleSource> builtInSources() throws IOException {
    List<RuleLoader.RuleSource> sources = new ArrayList<>();
    for (String root : StoreCheckedExpressions.catalogueRoots(CLASSES)) {
      sources.addAll(RuleLoader.resourceSources(root));
    }
    return sources;
  }

  @Test
  @DisplayName("the build stores every built-in expression, so a run compiles none from source")
  void builtInCataloguesCompileNothingFromSource() throws IOException {
    CelEnvironment environment = new CelEnvironment(true, true, true);
    assertThat(environment.storedCount()).isGreaterThan(300);
    new RuleLoader(environment).compile(builtInSources());
    assertThat(environment.recorded()).isEmpty();
  }

  @Test
  @DisplayName("each stored tree is the tree a fresh compilation of its text gives")
  void storedTreesEqualFreshCompilation() throws IOException {
    CelEnvironment fresh = new CelEnvironment(false, true, true);
    new RuleLoader(fresh).compile(builtInSources());
    SortedMap<String, CelAbstractSyntaxTree> compiled = fresh.recorded();
    CheckedExpressions stored = CheckedExpressions.builtIn(CelEnvironment.fingerprint());
    assertThat(stored.size()).isEqualTo(compiled.size());
    for (Map.Entry<String, CelAbstractSyntaxTree> entry : compiled.entrySet()) {
      assertThat(stored.find(entry.getKey()))
          .as(entry.getKey())
          .get()
          .extracting(CheckedExpressionsTest::checkedBytes)
          .isEqualTo(checkedBytes(entry.getValue()));
    }
  }

  @Test
  @DisplayName("an expression the store does not hold (a user's rule) compiles from source")
  void userExpressionCompilesFromSource() {
    CelEnvironment environment = new CelEnvironment(true, true, true);
    new RuleLoader(environment)
        .compile(
            new RuleLoader.RuleSource(
                "team/rules.yaml",
                """
                apiVersion: kubeattest.io/v1alpha1
                kind: RuleSet
                metadata: {name: team}
                rules:
                  - id: team-image-from-mirror
                    title: Image from the team mirror
                    severity: low
                    subject: container
                    validate: container.image.startsWith('mirror.example/')
                """));
    assertThat(environment.recorded().keySet())
        .singleElement()
        .asString()
        .endsWith("container.image.startsWith('mirror.example/')");
  }

  @Test
  @DisplayName("a store from another environment, or a damaged one, is not used")
  void foreignOrDamagedStoreIsIgnored() throws IOException {
    SortedMap<String, CelAbstractSyntaxTree> trees = new TreeMap<>();
    CelEnvironment environment = new CelEnvironment(false, true, true);
    new RuleLoader(environment).compile(RuleLoader.builtInSources().subList(0, 1));
    trees.putAll(environment.recorded());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CheckedExpressions.write(trees, "another-environment", bytes);

    String fingerprint = CelEnvironment.fingerprint();
    assertThat(read(bytes.toByteArray(), "another-environment").size()).isEqualTo(trees.size());
    assertThat(read(bytes.toByteArray(), fingerprint).size()).isZero();
    byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
    assertThat(read(truncated, "another-environment").size()).isZero();
    assertThat(
            read("not a store".getBytes(java.nio.charset.StandardCharsets.UTF_8), fingerprint)
                .size())
        .isZero();
  }

  @Test
  @DisplayName("rules from stored trees give the same verdicts as rules compiled from source")
  void storedAndSourceVerdictsAgree() throws IOException {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:latest
                  securityContext: {privileged: true, runAsNonRoot: true}
                  resources: {limits: {cpu: 500m, memory: 0}}
        """;
    List<RuleLoader.RuleSource> sources = RuleLoader.builtInSources();
    RuleCatalogue stored = RuleCatalogue.load(sources);
    RuleCatalogue fromSource =
        RuleCatalogue.load(sources, new RuleLoader(new CelEnvironment(false, false, true)));
    assertThat(verdicts(stored, yaml)).isEqualTo(verdicts(fromSource, yaml)).hasSizeGreaterThan(50);
  }

  private static List<String> verdicts(RuleCatalogue catalogue, String yaml) {
    return Manifests.scan(catalogue, "deploy.yaml", yaml).findings().stream()
        .map(CheckedExpressionsTest::verdict)
        .sorted()
        .toList();
  }

  private static String verdict(Finding finding) {
    return finding.ruleId()
        + " "
        + finding.subject().container()
        + " "
        + finding.status()
        + " "
        + finding.message();
  }

  private static CheckedExpressions read(byte[] bytes, String fingerprint) throws IOException {
    return CheckedExpressions.read(new ByteArrayInputStream(bytes), fingerprint);
  }

  private static byte[] checkedBytes(CelAbstractSyntaxTree tree) {
    return CelProtoAbstractSyntaxTree.fromCelAst(tree).toCheckedExpr().toByteArray();
  }
}
