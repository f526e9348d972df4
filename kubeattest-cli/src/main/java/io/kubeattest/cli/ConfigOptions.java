package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.config.ConfigLoader;
import io.kubeattest.engine.config.ScanConfig;
import io.kubeattest.engine.rules.RuleCatalogue;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options that choose the policy of a scan: the configuration file and who may exempt. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file: rules to disable or enable, severities, rule parameters, settings,"
              + " custom workload kinds, exemptions (docs/config.md).")
  @Nullable Path config;

  @Option(
      names = "--no-annotation-exemptions",
      description =
          "Ignore exemption annotations on objects (kubeattest.io/exempt, Polaris, kube-score):"
              + " only the configuration file may exempt.")
  boolean noAnnotationExemptions;

  /**
   * The configuration as written, not checked against a catalogue: for a second catalogue (the
   * image rules of {@code cluster --images}) that the file's rule ids need not all belong to.
   */
  ScanConfig resolveUnchecked() {
    ScanConfig resolved = config == null ? ScanConfig.DEFAULT : new ConfigLoader().load(config);
    return noAnnotationExemptions ? resolved.withoutAnnotationExemptions() : resolved;
  }

  /**
   * The configuration to scan with, checked against {@code catalogue}.
   *
   * @throws KubeattestException when the file is bad or names rules that do not exist
   */
  ScanConfig resolve(RuleCatalogue catalogue) {
    ScanConfig resolved = config == null ? ScanConfig.DEFAULT : new ConfigLoader().load(config);
    Set<String> known =
        catalogue.descriptions().stream()
            .map(io.kubeattest.engine.model.Rule::id)
            .collect(Collectors.toSet());
    Set<String> unknown = ConfigLoader.unknownRules(resolved, known);
    if (!unknown.isEmpty()) {
      throw new KubeattestException(
          config + ": names rules that do not exist: " + String.join(", ", unknown));
    }
    return noAnnotationExemptions ? resolved.withoutAnnotationExemptions() : resolved;
  }
}
