package io.kubeattest.cli;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.sbom.CycloneDxReader;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.vulndb.DurationText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubeattest image REF|FILE}: an image's packages (table, JSON or a CycloneDX SBOM) and its
 * hardening checks, from a registry, a {@code docker save} tar, an OCI layout, or an existing SBOM.
 */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = {
      "Inspect a container image: its OS and packages (with purls and layers), and hardening checks"
          + " on its config and filesystem.",
      "IMAGE is a reference ([registry/]repo[:tag][@digest]; Docker Hub by default), a docker-save"
          + " tar, an OCI layout directory or an OCI layout tar. --sbom reads a CycloneDX SBOM"
          + " instead.",
      "",
      "Exit codes: 0 clean, 1 a finding failed at or above --fail-on, 2 usage or input error."
    })
final class ImageCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "IMAGE", description = "Reference, tar or directory.")
  @Nullable String target;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from a multi-platform image (default: ${DEFAULT-VALUE}).",
      defaultValue = "linux/amd64")
  String platform = "linux/amd64";

  @Option(
      names = "--insecure",
      description =
          "Allow plain HTTP to a registry on a loopback address (127.0.0.1, ::1, localhost).")
  boolean insecure;

  @Option(
      names = "--sbom",
      paramLabel = "FILE",
      description = "Read the packages from this CycloneDX JSON SBOM instead of an image.")
  @Nullable Path sbom;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Registry connect and response timeout (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  int timeoutSeconds = 30;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description =
          "The vulnerability database (default: $KUBEATTEST_DB, else the user's data directory;"
              + " see kubeattest db).")
  @Nullable Path db;

  @Option(
      names = "--skip-vulnerabilities",
      description = "Do not match packages against the vulnerability database.")
  boolean skipVulnerabilities;

  @Option(
      names = "--ignore-file",
      paramLabel = "FILE",
      description =
          "Vulnerabilities to ignore, with a reason and an optional expiry (docs/vulndb.md).")
  @Nullable Path ignoreFile;

  @Option(
      names = "--max-db-age",
      paramLabel = "AGE",
      description = "Warn when the database is older than this (default: ${DEFAULT-VALUE}).",
      defaultValue = "7d")
  String maxDbAge = "7d";

  @Mixin ReportOptions options = new ReportOptions();

  @Mixin ConfigOptions policy = new ConfigOptions();

  private final KubeattestCommand.Context context;

  ImageCommand(KubeattestCommand.Context context) {
    this.context = context;
    this.spec = picocli.CommandLine.Model.CommandSpec.create();
  }

  @Override
  public Integer call() {
    if ((target == null) == (sbom == null)) {
      throw new InputException("give either an IMAGE or --sbom FILE (one of them)");
    }
    Path sbomFile = sbom;
    String image = target;
    ImageAudit audit = audit(ImageAudit.catalogue(options.ruleDirectories));
    ImageReport report =
        sbomFile != null
            ? new CycloneDxReader().read(sbomFile)
            : audit.inspect(Objects.requireNonNull(image));
    ProgressPrinter progress =
        new ProgressPrinter(
            spec.commandLine().getErr(), options.quiet, context.terminal().interactive());
    ScanResult result = audit.audit(report, progress);
    progress.clearProgress();
    return new ImageReportPrinter(options, context.terminal())
        .print(report, result, spec.commandLine().getOut());
  }

  private ImageAudit audit(RuleCatalogue catalogue) {
    Clock clock = Clock.systemUTC();
    return new ImageAudit(
        Platform.parse(platform),
        insecure,
        Duration.ofSeconds(Math.max(1, timeoutSeconds)),
        context.env(),
        catalogue,
        policy.resolve(catalogue),
        skipVulnerabilities
            ? null
            : new ImageVulnerabilities(
                DbCommand.databaseFile(db, context.env()),
                ignoreFile,
                DurationText.parse(maxDbAge),
                clock),
        clock);
  }
}
