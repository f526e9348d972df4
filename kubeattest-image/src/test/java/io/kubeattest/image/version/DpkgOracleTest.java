package io.kubeattest.image.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Needs the {@code dpkg} binary (Debian package {@code dpkg}); skipped without it. */
class DpkgOracleTest {
  private static final String SCRIPT =
      "while read -r a b; do"
          + " if dpkg --compare-versions \"$a\" lt \"$b\"; then echo '<';"
          + " elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo '=';"
          + " else echo '>'; fi; done";

  @Test
  @DisplayName("The dpkg ordering agrees with dpkg --compare-versions on 400+ pairs")
  void agreesWithDpkg() {
    assumeTrue(OracleProcess.onPath("dpkg"), "dpkg is not installed");
    List<String[]> pairs =
        OracleProcess.samplePairs("debian-versions.txt", "debian-versions-generated.txt", 60, 200);
    StringBuilder input = new StringBuilder();
    for (String[] p : pairs) {
      input.append(p[0]).append(' ').append(p[1]).append('\n');
    }
    List<String> answers = OracleProcess.run(List.of("bash", "-c", SCRIPT), input.toString());

    assertThat(answers).hasSameSizeAs(pairs);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      int ours = Integer.signum(VersionScheme.DPKG.compare(pairs.get(i)[0], pairs.get(i)[1]));
      String op = ours < 0 ? "<" : ours > 0 ? ">" : "=";
      if (!op.equals(answers.get(i))) {
        disagreements.add(
            pairs.get(i)[0] + " " + op + " " + pairs.get(i)[1] + " (dpkg: " + answers.get(i) + ")");
      }
    }
    assertThat(pairs).hasSizeGreaterThan(400);
    assertThat(disagreements).isEmpty();
  }
}
