package io.kubeattest.engine.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeattest.engine.RuleException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameworkLoaderTest {
  private static final FrameworkCatalogue BUILT_IN = FrameworkCatalogue.builtIn();

  @Test
  @DisplayName("ships the ten framework versions under the ids rules use")
  void shipsFrameworks() {
    assertThat(BUILT_IN.frameworks())
        .extracting(Framework::id)
        .containsExactly(
            "cis-kubernetes-1.12",
            "cis-docker-1.6",
            "nsa-cisa-1.2",
            "mitre-attack",
            "pci-dss-4.0",
            "soc2",
            "nist-800-190",
            "nist-800-53-r5",
            "pss-baseline",
            "pss-restricted");
  }

  @Test
  @DisplayName("CIS Kubernetes 1.12 has all 131 controls in sections 1 to 5")
  void cisKubernetes() {
    Framework cis = BUILT_IN.find("cis-kubernetes-1.12").orElseThrow();
    assertThat(cis.controls()).hasSize(131);
    assertThat(cis.controls().stream().map(c -> c.id().substring(0, 1)).distinct())
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(cis.control("5.2.2").orElseThrow().title())
        .isEqualTo("Minimize the admission of privileged containers");
    assertThat(cis.control("1.2.1").orElseThrow().manual()).isTrue();
  }

  @Test
  @DisplayName("CIS Docker 1.6 has 117 controls; NIST 800-53 controls carry FedRAMP baselines")
  void dockerAndNist() {
    assertThat(BUILT_IN.find("cis-docker-1.6").orElseThrow().controls()).hasSize(117);
    Framework nist = BUILT_IN.find("nist-800-53-r5").orElseThrow();
    assertThat(nist.control("CM-14").orElseThrow().baselines()).containsExactly("fedramp-high");
    assertThat(nist.control("RA-5").orElseThrow().baselines())
        .containsExactly("fedramp-low", "fedramp-moderate", "fedramp-high");
    assertThat(nist.control("SR-4").orElseThrow().baselines()).isEmpty();
  }

  @Test
  @DisplayName("a wrong kind is reported with file and line")
  void wrongEnvelope() {
    String text = "apiVersion: kubeattest.io/v1alpha1\nkind: RuleSet\nid: x\n";
    assertThatThrownBy(() -> load(text))
        .isInstanceOf(RuleException.class)
        .hasMessage(
            "f.yaml:1: expected apiVersion: kubeattest.io/v1alpha1 and kind: Framework, found"
                + " kubeattest.io/v1alpha1 / RuleSet");
  }

  @Test
  @DisplayName(
      "an unknown section, a manual control without procedure and an unknown field name their line")
  void badControls() {
    String head =
        "apiVersion: kubeattest.io/v1alpha1\nkind: Framework\nid: demo\ntitle: Demo\nversion: '1'\n"
            + "sections:\n  - {id: a, title: A}\ncontrols:\n";
    assertThatThrownBy(() -> load(head + "  - id: c1\n    title: C\n    section: b\n"))
        .hasMessage("f.yaml:11: control c1: unknown section 'b' (define it under sections:)");
    assertThatThrownBy(
            () -> load(head + "  - id: c1\n    title: C\n    section: a\n    manual: true\n"))
        .hasMessage("f.yaml:9: control c1: manual controls need a procedure");
    assertThatThrownBy(
            () -> load(head + "  - id: c1\n    title: C\n    section: a\n    rule: [x]\n"))
        .hasMessageStartingWith("f.yaml:12: unknown field 'rule'");
    assertThatThrownBy(
            () ->
                load(
                    head
                        + "  - {id: c1, title: C, section: a}\n  - {id: c1, title: D, section: a}\n"))
        .hasMessage("f.yaml:10: control 'c1' is defined twice");
  }

  private static List<Framework> load(String text) {
    return new FrameworkLoader().load(List.of(new FrameworkLoader.FrameworkSource("f.yaml", text)));
  }
}
