package io.kubeattest.engine.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step: compiles every built-in catalogue (the rules, the image rules and each benchmark
 * version) from source and stores the checked expressions in {@link CheckedExpressions#RESOURCE}
 * under the classes directory, so runs skip parsing and type-checking them. A rule that does not
 * compile fails the build here, with the same message a run would give.
 */
public final class StoreCheckedExpressions {
  private StoreCheckedExpressions() {}

  /**
   * Writes the store.
   *
   * @param args the classes directory (holding {@code kubeattest/}), where the file is written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StoreCheckedExpressions CLASSES_DIR");
    }
    Path classes = Path.of(args[0]);
    CelEnvironment environment = new CelEnvironment(false, true, false);
    RuleLoader loader = new RuleLoader(environment);
    for (String root : catalogueRoots(classes)) {
      loader.compile(RuleLoader.resourceSources(root));
    }
    Path file = classes.resolve(CheckedExpressions.RESOURCE);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      CheckedExpressions.write(environment.recorded(), CelEnvironment.fingerprint(), out);
    }
  }

  /** The class-path folders of the built-in catalogues: rules, image rules, each benchmark. */
  static List<String> catalogueRoots(Path classes) throws IOException {
    List<String> roots = new ArrayList<>(List.of("kubeattest/rules/", "kubeattest/image-rules/"));
    try (Stream<Path> versions = Files.list(classes.resolve("kubeattest/benchmarks"))) {
      versions
          .filter(version -> Files.isRegularFile(version.resolve("index.txt")))
          .map(version -> "kubeattest/benchmarks/" + version.getFileName() + "/")
          .sorted()
          .forEach(roots::add);
    }
    return roots;
  }
}
