package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's node example: prepare the bundled kubeadm tree, then scan it. */
class BundledNodeExampleTest {
  @TempDir Path temp;

  @Test
  @DisplayName("the bundled kubeadm node gives the counts the README promises")
  void bundledKubeadmNode() throws Exception {
    Path dest = temp.resolve("node");
    Process prepare =
        new ProcessBuilder(
                "bash", "../examples-node/prepare.sh", "../examples-node/kubeadm", dest.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(prepare.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(prepare.getInputStream().readAllBytes());
    assertThat(prepare.exitValue()).as(output).isZero();
    Cli cli =
        Cli.run(
            "node",
            "--root",
            dest.resolve("root").toString(),
            "--proc",
            dest.resolve("proc").toString(),
            "--fail-on",
            "high");
    assertThat(cli.out())
        .contains(
            "Scanned 1 object with 131 rules: 64 passed, 11 failed (high 7, medium 4), 20 warnings");
    assertThat(cli.exitCode()).isEqualTo(1);
  }
}
