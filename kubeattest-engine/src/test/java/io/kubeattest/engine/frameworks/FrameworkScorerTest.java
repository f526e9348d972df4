package io.kubeattest.engine.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameworkScorerTest {
  private static final RuleCatalogue CATALOGUE = Manifests.builtInCatalogue();
  private static final List<Rule> RULES = CATALOGUE.descriptions();
  private static final Framework CIS =
      FrameworkCatalogue.builtIn().find("cis-kubernetes-1.12").orElseThrow();

  private static ScanResult scan(String yaml) {
    return Manifests.scan(CATALOGUE, "pod.yaml", yaml);
  }

  private static ControlResult control(FrameworkScore score, String id) {
    return score.controls().stream()
        .filter(c -> c.control().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "a failing rule fails its control; a passing one passes it; manual and uncovered controls say so")
  void verdicts() {
    ScanResult result =
        scan(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers:\n"
                + "  - name: c\n    image: nginx:1.27\n");
    FrameworkScore score =
        new FrameworkScorer().score(FrameworkCoverage.of(CIS, RULES), result.findings());
    assertThat(control(score, "5.2.3").status()).isEqualTo(ControlStatus.FAILED);
    assertThat(control(score, "5.2.3").failedFindings()).isEqualTo(1);
    assertThat(control(score, "5.2.4").status()).isEqualTo(ControlStatus.PASSED);
    // 5.3.2 is evidenced by namespace-network-policy: the pod's namespace has no default deny
    assertThat(control(score, "5.3.2").status()).isEqualTo(ControlStatus.FAILED);
    ControlResult manual =
        score.controls().stream()
            .filter(c -> c.evidence() == EvidenceKind.MANUAL)
            .findFirst()
            .orElseThrow();
    assertThat(manual.status()).isEqualTo(ControlStatus.MANUAL);
    assertThat(control(score, "1.1.1").status()).isEqualTo(ControlStatus.NOT_EVALUATED);
    assertThat(control(score, "1.1.1").evidence()).isEqualTo(EvidenceKind.NOT_COVERED);
    assertThat(score.total().total()).isEqualTo(131);
    Tally t = score.total();
    assertThat(t.score().getAsDouble())
        .isEqualTo(Math.round(1000.0 * t.passed() / (t.passed() + t.failed())) / 10.0);
  }

  @Test
  @DisplayName("a WARN finding makes its control manual; no findings at all leave it not evaluated")
  void warnAndNothing() {
    ScanResult result =
        scan(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                + "  - name: c\n    image: nginx:1.27\n");
    List<Finding> warned =
        result.findings().stream()
            .map(
                f ->
                    f.ruleId().equals("pod-host-pid")
                        ? new Finding(
                            f.ruleId(),
                            f.title(),
                            f.severity(),
                            Status.WARN,
                            "",
                            f.subject(),
                            f.evidence(),
                            f.fingerprint())
                        : f)
            .toList();
    FrameworkScorer scorer = new FrameworkScorer();
    FrameworkCoverage coverage = FrameworkCoverage.of(CIS, RULES);
    assertThat(control(scorer.score(coverage, warned), "5.2.3").status())
        .isEqualTo(ControlStatus.MANUAL);
    FrameworkScore empty = scorer.score(coverage, List.of());
    assertThat(control(empty, "5.2.3").status()).isEqualTo(ControlStatus.NOT_EVALUATED);
    assertThat(empty.total().score()).isEmpty();
    assertThat(empty.total().scoreText()).isEqualTo("n/a");
  }

  @Test
  @DisplayName("PSS controls are evidenced through the rules' pss equivalents and explicit rules")
  void pssEquivalents() {
    Framework restricted = FrameworkCatalogue.builtIn().find("pss-restricted").orElseThrow();
    FrameworkCoverage coverage = FrameworkCoverage.of(restricted, RULES);
    assertThat(coverage.rulesFor(restricted.control("hostNamespaces").orElseThrow()))
        .containsExactlyInAnyOrder(
            "pod-host-pid", "pod-host-ipc", "pod-host-network", "pss-baseline-host-namespaces");
    assertThat(coverage.rulesFor(restricted.control("runAsNonRoot").orElseThrow()))
        .contains("container-run-as-non-root", "pss-restricted-run-as-non-root");
    assertThat(coverage.outOfScopeRules())
        .contains("container-cpu-limit")
        .doesNotContain("pod-host-pid");
  }
}
