package io.kubeattest.cli;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.sources.cluster.ClusterInfo;
import io.kubeattest.sources.cluster.ClusterSink;
import io.kubeattest.sources.cluster.ClusterSource;
import io.kubeattest.sources.cluster.ResourceKind;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kubeattest cluster}: reads a live cluster and runs every rule on it. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    subcommands = WhoCanCommand.class,
    description = {
      "Check a live cluster: workloads, running pods, RBAC, network policies, Services and"
          + " Ingresses, namespaces, webhooks and nodes, read through the API (docs/cluster.md).",
      "",
      "A kind the credentials may not list is named in a note and the scan goes on.",
      "Exit codes: 0 clean, 1 a finding failed at or above --fail-on, 2 usage error or the"
          + " cluster could not be reached."
    })
final class ClusterCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ClusterOptionsMixin cluster = new ClusterOptionsMixin();

  @Mixin ReportOptions options = new ReportOptions();

  @Mixin ConfigOptions policy = new ConfigOptions();

  @Mixin PolicyOptions pss = new PolicyOptions();

  @picocli.CommandLine.Option(
      names = "--images",
      description =
          "Also scan each distinct image the workloads run, once, in parallel (by the digest"
              + " its pods report, else by the template's tag): hardening and vulnerabilities,"
              + " linked to the workloads and pods that run it.")
  boolean images;

  @picocli.CommandLine.Option(
      names = "--image-threads",
      paramLabel = "N",
      description = "Images scanned at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int imageThreads = 4;

  @picocli.CommandLine.Option(
      names = "--insecure-registries",
      description = "Allow plain HTTP to registries on loopback addresses (tests, local mirrors).")
  boolean insecureRegistries;

  @picocli.CommandLine.Option(
      names = "--db",
      paramLabel = "FILE",
      description = "The vulnerability database for --images (see kubeattest db).")
  java.nio.file.@org.jspecify.annotations.Nullable Path db;

  private final KubeattestCommand.Context context;

  ClusterCommand(KubeattestCommand.Context context) {
    this.context = context;
    this.spec = picocli.CommandLine.Model.CommandSpec.create();
  }

  @Override
  public Integer call() {
    WorkloadScan prepared =
        WorkloadScan.prepare(options, policy, pss, context, spec.commandLine().getErr());
    FrameworkSelection frameworks = prepared.frameworks();
    ProgressPrinter progress = prepared.progress();
    Scanner scanner = prepared.scanner();
    Scanner.Session session = scanner.begin("cluster", List.of());
    ClusterImages clusterImages = new ClusterImages();
    ScanResult result;
    try (ClusterSource source = ClusterSource.connect(cluster.resolve(context.env()))) {
      ClusterInfo info =
          source.read(
              new ClusterSink() {
                @Override
                public void object(KubernetesObject object) {
                  session.accept(object);
                  if (images) {
                    clusterImages.collect(object);
                  }
                }

                @Override
                public void pod(KubernetesObject pod, ObjectRef workload) {
                  if (images) {
                    clusterImages.pod(pod, workload);
                  }
                }

                @Override
                public void note(InputNote note) {
                  session.note(note);
                }

                @Override
                public void listed(ResourceKind kind, int count) {
                  progress.listed(kind.plural(), count);
                }
              });
      if (images) {
        clusterImages.scan(imageAudit(), imageThreads, session);
      }
      result = withInput(session.finish(), info);
    }
    progress.clearProgress();
    return new ResultPrinter(options, context.terminal(), frameworks)
        .print(result, spec.commandLine().getOut(), context.stdout());
  }

  private ImageAudit imageAudit() {
    java.time.Clock clock = Clock.systemUTC();
    RuleCatalogue catalogue = ImageAudit.catalogue(options.ruleDirectories);
    return new ImageAudit(
        io.kubeattest.image.oci.Platform.parse("linux/amd64"),
        insecureRegistries,
        java.time.Duration.ofSeconds(30),
        context.env(),
        catalogue,
        policy.resolveUnchecked(),
        new ImageVulnerabilities(
            DbCommand.databaseFile(db, context.env()), null, java.time.Duration.ofDays(7), clock),
        clock);
  }

  /** The result with the cluster (server, context, version) as its input. */
  private static ScanResult withInput(ScanResult result, ClusterInfo info) {
    var m = result.metadata();
    return new ScanResult(
        new io.kubeattest.engine.model.ScanMetadata(
            m.toolVersion(),
            m.scanKind(),
            List.of(info.display()),
            m.startedAt(),
            m.finishedAt(),
            m.catalogueDigest(),
            m.ruleCount()),
        result.objectCount(),
        result.findings(),
        result.notes());
  }
}
