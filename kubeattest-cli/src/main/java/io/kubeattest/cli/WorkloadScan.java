package io.kubeattest.cli;

import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.scan.Scanner;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What a scan of Kubernetes objects needs before the first object arrives, the same for {@code
 * manifests} and {@code cluster}: the rules (limited to the --framework ones when asked), the
 * progress printer, and a scanner configured by --config and --pss-version.
 */
record WorkloadScan(FrameworkSelection frameworks, ProgressPrinter progress, Scanner scanner) {
  static WorkloadScan prepare(
      ReportOptions options,
      ConfigOptions policy,
      PolicyOptions pss,
      KubeattestCommand.Context context,
      PrintWriter err) {
    RuleCatalogue full = Catalogues.load(options.ruleDirectories);
    FrameworkSelection frameworks = FrameworkSelection.of(options.frameworks, full.descriptions());
    options.resolvedTargets();
    RuleCatalogue catalogue = frameworks.limited() ? full.restrictedTo(frameworks.ruleIds()) : full;
    ProgressPrinter progress =
        new ProgressPrinter(err, options.quiet, context.terminal().interactive());
    Scanner scanner =
        Scanner.configured(
            catalogue, pss.apply(policy.resolve(catalogue)), progress, Clock.systemUTC());
    return new WorkloadScan(frameworks, progress, scanner);
  }
}
