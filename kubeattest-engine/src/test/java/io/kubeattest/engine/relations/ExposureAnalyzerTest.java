package io.kubeattest.engine.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Exposure;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.testing.Manifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExposureAnalyzerTest {
  private static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: web:1.0
                ports: [{containerPort: 8080, hostPort: 8080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: worker, namespace: shop}
      spec:
        selector: {matchLabels: {app: worker}}
        template:
          metadata: {labels: {app: worker}}
          spec:
            automountServiceAccountToken: false
            containers: [{name: worker, image: worker:1.0}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: public, namespace: shop}
      spec:
        rules:
          - host: shop.example.com
            http:
              paths:
                - path: /
                  pathType: Prefix
                  backend: {service: {name: web, port: {number: 80}}}
      """;

  @Test
  @DisplayName("Ingress -> Service -> workload and hostPort make it external; others carry none")
  void ingressAndHostPort() {
    ScanResult result = Manifests.scan(Manifests.builtInCatalogue(), "app.yaml", APP);
    Exposure web =
        result.findings().stream()
            .filter(f -> f.subject().object().name().equals("web"))
            .filter(f -> f.subject().object().kind().equals("Deployment"))
            .map(Finding::exposure)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow();
    assertThat(web.external()).isTrue();
    assertThat(web.via()).containsExactly("Ingress shop/public -> Service web", "hostPort 8080");
    assertThat(web.blastRadius()).isEmpty();
    assertThat(result.findings().stream().filter(f -> f.subject().object().name().equals("worker")))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.exposure()).isNull());
  }
}
