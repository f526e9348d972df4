package io.kubeattest.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void scansADeployment() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: web
                  image: nginx
                  securityContext:
                    privileged: true
                  resources:
                    limits: {cpu: 500m, memory: 0}
        """;
    List<Finding> findings =
        Manifests.scan(Manifests.builtInCatalogue(), "x.yaml", yaml).findings();
    findings.forEach(
        f ->
            System.out.println(
                f.ruleId() + " " + f.status() + " " + f.message() + " " + f.evidence()));
    assertThat(findings)
        .anyMatch(f -> f.ruleId().equals("container-privileged") && f.status() == Status.FAIL);
  }
}
