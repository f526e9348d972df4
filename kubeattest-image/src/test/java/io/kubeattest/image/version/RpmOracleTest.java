package io.kubeattest.image.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the {@code rpm} binary (Debian package {@code rpm}); skipped without it. */
class RpmOracleTest {

  @Test
  @DisplayName("The rpm ordering agrees with rpm's own rpm.vercmp on the Red Hat vectors and more")
  void agreesWithRpm(@TempDir Path dir) throws IOException {
    assumeTrue(OracleProcess.onPath("rpm"), "rpm is not installed");
    List<String[]> pairs = OracleProcess.samplePairs("redhat-versions.txt", null, 1, 300);
    StringBuilder lua = new StringBuilder("local ps = {\n");
    for (String[] p : pairs) {
      lua.append("{[[").append(p[0]).append("]],[[").append(p[1]).append("]]},\n");
    }
    lua.append("}\nfor _, p in ipairs(ps) do print(rpm.vercmp(p[1], p[2]) .. \"\\n\") end\n");
    Path script = dir.resolve("pairs.lua");
    Files.writeString(script, lua, StandardCharsets.UTF_8);
    List<String> answers =
        OracleProcess.run(List.of("rpm", "--eval", "%{lua: dofile([[" + script + "]])}"), "")
            .stream()
            .filter(s -> !s.isBlank())
            .toList();

    assertThat(answers).hasSameSizeAs(pairs);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      int ours = Integer.signum(VersionScheme.RPM.compare(pairs.get(i)[0], pairs.get(i)[1]));
      int theirs = Integer.signum(Integer.parseInt(answers.get(i).strip()));
      if (ours != theirs) {
        disagreements.add(
            pairs.get(i)[0] + " vs " + pairs.get(i)[1] + ": ours " + ours + ", rpm " + theirs);
      }
    }
    assertThat(disagreements).isEmpty();
  }
}
