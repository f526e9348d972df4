package io.kubeattest.sources.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import io.kubeattest.engine.scan.RuleEvaluator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of CIS Kubernetes Benchmark 1.12 on three realistic nodes: as {@code kubeadm init}
 * leaves it, hardened (remediations applied, flags in every form), and broken (every setting
 * wrong). The expected verdicts are {@code node/cis-1.12-verdicts.tsv}, reviewed by hand; every
 * automated check passes on one node and fails (or warns) on another.
 */
class CisBenchmarkVerdictTest {
  private static final Map<String, Map<String, Status>> ACTUAL = new HashMap<>();
  private static final Map<String, String> MESSAGES = new HashMap<>();

  @BeforeAll
  static void scan(@TempDir Path tmp) {
    RuleCatalogue catalogue =
        RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"));
    RuleEvaluator evaluator = new RuleEvaluator(catalogue);
    Map<String, Function<Path, NodeTreeFixture>> nodes =
        Map.of(
            "kubeadm", NodeTreeFixture::kubeadmControlPlane,
            "hardened", NodeTreeFixture::hardenedControlPlane,
            "broken", NodeTreeFixture::brokenControlPlane);
    nodes.forEach(
        (name, fixture) -> {
          Map<String, Object> facts = fixture.apply(tmp.resolve(name)).collect();
          Map<String, Status> byCheck = new HashMap<>();
          for (Finding f : evaluator.evaluate(NodeSubjectFactory.subject(facts, "node"))) {
            String id = checkId(f.ruleId());
            byCheck.put(id, f.status());
            MESSAGES.put(name + " " + id, f.message());
          }
          ACTUAL.put(name, byCheck);
        });
  }

  @Test
  @DisplayName(
      "on a k3s server, flags come from --kube-*-arg and config.yaml, and kubeadm's files are not found")
  void k3sServer(@TempDir Path tmp) {
    RuleCatalogue catalogue =
        RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"));
    Map<String, Object> facts = NodeTreeFixture.k3sServer(tmp).collect();
    Map<String, Finding> byCheck =
        new RuleEvaluator(catalogue)
            .evaluate(NodeSubjectFactory.subject(facts, "node")).stream()
                .collect(Collectors.toMap(f -> checkId(f.ruleId()), f -> f));
    assertThat(byCheck.get("1.1.1").status()).isEqualTo(Status.SKIP);
    assertThat(byCheck.get("1.1.1").message())
        .isEqualTo("/etc/kubernetes/manifests/kube-apiserver.yaml: not found");
    assertThat(byCheck.get("1.1.12").status())
        .as("embedded etcd, root:root")
        .isEqualTo(Status.PASS);
    assertThat(byCheck.get("1.2.1").status())
        .as("command line beats config.yaml")
        .isEqualTo(Status.PASS);
    assertThat(byCheck.get("1.2.15").status())
        .as("profiling from config.yaml")
        .isEqualTo(Status.PASS);
    assertThat(byCheck.get("1.2.18").status()).isEqualTo(Status.FAIL);
    assertThat(byCheck.get("4.2.4").status()).as("--kubelet-arg").isEqualTo(Status.PASS);
    assertThat(byCheck.get("4.1.9").status()).isEqualTo(Status.SKIP);
    assertThat(byCheck.values())
        .as("no check fails to evaluate on a k3s node")
        .noneMatch(f -> f.status() == Status.ERROR);
  }

  static String checkId(String ruleId) {
    return ruleId.substring("cis-k8s-1-12-".length()).replace('-', '.');
  }

  static Stream<Arguments> verdicts() {
    return FixtureData.text("cis-1.12-verdicts.tsv")
        .lines()
        .filter(line -> !line.startsWith("#") && !line.startsWith("id\t"))
        .map(line -> line.split("\t", -1))
        .map(cols -> Arguments.of(cols[0], cols[1], cols[2], cols[3]));
  }

  @ParameterizedTest(name = "{0}: kubeadm {1}, hardened {2}, broken {3}")
  @MethodSource("verdicts")
  @DisplayName("each CIS 1.12 check gives the reviewed verdict on each node")
  void verdict(String id, String kubeadm, String hardened, String broken) {
    for (String[] expected :
        List.of(
            new String[] {"kubeadm", kubeadm},
            new String[] {"hardened", hardened},
            new String[] {"broken", broken})) {
      Status actual = ACTUAL.get(expected[0]).get(id);
      assertThat(actual == null ? "-" : actual.name())
          .as("%s on the %s node (%s)", id, expected[0], MESSAGES.get(expected[0] + " " + id))
          .isEqualTo(expected[1]);
    }
  }

  @Test
  @DisplayName(
      "the table lists all 131 checks, and every evaluated check passes somewhere and fails somewhere")
  void tableCoversEveryCheckBothWays() {
    List<Arguments> rows = verdicts().toList();
    assertThat(rows).hasSize(131);
    Map<String, List<String>> evaluated =
        rows.stream()
            .filter(r -> !List.of(r.get()).subList(1, 4).stream().allMatch("WARN"::equals))
            .collect(
                Collectors.toMap(
                    r -> (String) r.get()[0],
                    r -> List.of((String) r.get()[1], (String) r.get()[2], (String) r.get()[3])));
    assertThat(evaluated).hasSizeGreaterThan(80);
    evaluated.forEach(
        (id, statuses) -> {
          assertThat(statuses).as(id).contains("PASS");
          assertThat(statuses).as(id).containsAnyOf("FAIL", "WARN");
        });
  }
}
