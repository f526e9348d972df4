package io.kubeattest.cli;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.sources.manifest.ManifestSink;
import io.kubeattest.sources.manifest.ManifestSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeattest manifests PATH... | -}: static checks of manifest files. */
@Command(
    name = "manifests",
    mixinStandardHelpOptions = true,
    description = {
      "Check Kubernetes manifests: files, directories (recursively: .yaml, .yml, .json) and - for"
          + " standard input (helm template chart | kubeattest manifests -).",
      "",
      "Exit codes: 0 clean, 1 a finding failed at or above --fail-on, 2 usage or input error."
    })
final class ManifestsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories, or -.")
  List<String> paths = new ArrayList<>();

  @Mixin ReportOptions options = new ReportOptions();

  @Mixin ConfigOptions policy = new ConfigOptions();

  @Mixin PolicyOptions pss = new PolicyOptions();

  private final KubeattestCommand.Context context;

  ManifestsCommand(KubeattestCommand.Context context) {
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
    Scanner.Session session = scanner.begin("manifests", paths);
    ManifestSource.withDefaults()
        .read(
            paths,
            context.stdin(),
            new ManifestSink() {
              @Override
              public void object(KubernetesObject object) {
                session.accept(object);
              }

              @Override
              public void note(InputNote note) {
                session.note(note);
              }
            });
    ScanResult result = session.finish();
    progress.clearProgress();
    return new ResultPrinter(options, context.terminal(), frameworks)
        .print(result, spec.commandLine().getOut(), context.stdout());
  }
}
