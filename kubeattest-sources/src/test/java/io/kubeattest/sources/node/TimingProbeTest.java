package io.kubeattest.sources.node;

import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import io.kubeattest.engine.scan.RuleEvaluator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingProbeTest {
  @TempDir Path tmp;

  @Test
  void probe() {
    NodeTreeFixture node = NodeTreeFixture.kubeadmControlPlane(tmp);
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 4; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      new RuleLoader();
      long c1 = mx.getCurrentThreadCpuTime();
      RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"));
      long c2 = mx.getCurrentThreadCpuTime();
      System.out.printf("cpu: new RuleLoader %d ms, load catalogue %d ms%n", (c1 - c0) / 1000000, (c2 - c1) / 1000000);
      long t0 = System.nanoTime();
      var facts = node.collect();
      long t1 = System.nanoTime();
      var sources = RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/");
      long t2 = System.nanoTime();
      RuleCatalogue catalogue = RuleCatalogue.load(sources);
      long t3 = System.nanoTime();
      var evaluator = new RuleEvaluator(catalogue);
      var findings = evaluator.evaluate(NodeSubjectFactory.subject(facts, "n"));
      long t4 = System.nanoTime();
      System.out.printf("collect %d ms, read %d ms, compile %d ms, evaluate %d ms (%d findings)%n",
          (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, (t4 - t3) / 1000000, findings.size());
    }
  }
}
