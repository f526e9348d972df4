package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeattest.image.testing.LocalRegistry;
import io.kubeattest.image.testing.TestImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterImagesTest {
  @TempDir Path temp;

  private static void create(MockCluster cluster, String yaml) {
    List<HasMetadata> items =
        cluster
            .client
            .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .items();
    for (HasMetadata item : items) {
      cluster.client.resource(item).create();
    }
  }

  @Test
  @DisplayName(
      "--images scans each distinct image once and links its findings to the workloads running it;"
          + " an unreadable image is a note")
  void imagesOfTheCluster() throws Exception {
    assumeTrue(LocalRegistry.available(), "docker-registry and skopeo are not installed");
    try (LocalRegistry registry = LocalRegistry.start(temp.resolve("registry"));
        MockCluster cluster = new MockCluster()) {
      String image =
          registry.push(TestImage.debianLike(), temp.resolve("push"), "team/app", "latest");
      String missing = image.replace("team/app:latest", "team/gone:1.0");
      create(
          cluster,
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: shop}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: web, image: "%1$s"}]
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report, namespace: shop}
          spec:
            schedule: "0 3 * * *"
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: OnFailure
                    containers: [{name: report, image: "%1$s"}, {name: gone, image: "%2$s"}]
          """
              .formatted(image, missing));
      Path kubeconfig = cluster.kubeconfig(temp);
      Cli cli =
          Cli.run(
              "cluster",
              "--kubeconfig",
              kubeconfig.toString(),
              "--images",
              "--insecure-registries",
              "-o",
              "json");
      JsonNode report = new ObjectMapper().readTree(cli.out());
      List<String> imageFindings = new ArrayList<>();
      for (JsonNode finding : report.get("findings")) {
        if (finding.at("/subject/objectKind").asText().equals("Image")) {
          imageFindings.add(finding.get("ruleId").asText() + " " + finding.get("message").asText());
        }
      }
      assertThat(imageFindings)
          .as(cli.err())
          .anySatisfy(
              f ->
                  assertThat(f)
                      .startsWith("image-latest-tag ")
                      .contains("run by Deployment shop/web, CronJob shop/report"));
      assertThat(report.get("notes").toString())
          .contains("image not scanned")
          .contains("team/gone");
    }
  }
}
