package io.kubeattest.image.version;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Runs a reference tool (dpkg, rpm) once over many comparisons. */
final class OracleProcess {
  private OracleProcess() {}

  /** True if {@code name} is an executable file in one of the PATH directories. */
  static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator, -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code command} with {@code input} on stdin and returns its stdout lines. */
  static List<String> run(List<String> command, String input) {
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 60 s");
      }
      return new String(out, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Pairs to ask the oracle about: every line of the small file, every {@code step}-th line of the
   * generated file, and {@code crossPairs} seeded random pairs of versions seen anywhere in them
   * (comparisons the vector files do not state).
   */
  static List<String[]> samplePairs(
      String small, @Nullable String generated, int step, int crossPairs) {
    List<String[]> pairs = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (VersionVectors.Vector v : VersionVectors.read(small)) {
      pairs.add(new String[] {v.left(), v.right()});
      versions.add(v.left());
      versions.add(v.right());
    }
    if (generated != null) {
      List<VersionVectors.Vector> all = VersionVectors.read(generated);
      for (int i = 0; i < all.size(); i++) {
        VersionVectors.Vector v = all.get(i);
        if (i % step == 0) {
          pairs.add(new String[] {v.left(), v.right()});
          versions.add(v.left());
        }
      }
    }
    Random random = new Random(20240601L);
    for (int i = 0; i < crossPairs; i++) {
      pairs.add(
          new String[] {
            versions.get(random.nextInt(versions.size())),
            versions.get(random.nextInt(versions.size()))
          });
    }
    return pairs;
  }
}
