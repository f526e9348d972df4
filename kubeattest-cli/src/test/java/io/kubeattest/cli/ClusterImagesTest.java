package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.registry.ImageReference;
import io.kubeattest.image.registry.RegistryClient;
import io.kubeattest.image.registry.RegistryCredentials;
import io.kubeattest.image.testing.LocalRegistry;
import io.kubeattest.image.testing.TestImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha256:" + "c".repeat(64);
  private static final String E = "sha256:" + "e".repeat(64);

  private static String deployment(String name, int replicas, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: shop}
        spec:
          replicas: %2$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers: [{name: app, image: "%3$s"}]
        ---
        """
        .formatted(name, replicas, image);
  }

  /** A CronJob whose containers are {@code name, image} pairs. */
  private static String cronJob(String name, String... containers) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < containers.length; i += 2) {
      list.add("{name: " + containers[i] + ", image: \"" + containers[i + 1] + "\"}");
    }
    return """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: %s, namespace: shop}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [%s]
        ---
        """
        .formatted(name, String.join(", ", list));
  }

  /** A ReplicaSet or Job controlled by {@code owner} ({@code Kind/name}), same template. */
  private static String controlled(String kind, String name, String owner, String image) {
    boolean job = kind.equals("Job");
    return """
        apiVersion: %5$s
        kind: %1$s
        metadata:
          name: %2$s
          namespace: shop
          ownerReferences: [{apiVersion: %6$s, kind: %3$s, name: %4$s, uid: u-%2$s, controller: true}]
        spec:
          %7$s
          template:
            metadata: {labels: {app: %4$s}}
            spec:
              restartPolicy: %8$s
              containers: [{name: app, image: "%9$s"}]
        ---
        """
        .formatted(
            kind,
            name,
            owner.substring(0, owner.indexOf('/')),
            owner.substring(owner.indexOf('/') + 1),
            job ? "batch/v1" : "apps/v1",
            job ? "batch/v1" : "apps/v1",
            job ? "backoffLimit: 1" : "selector: {matchLabels: {app: x}}",
            job ? "OnFailure" : "Always",
            image);
  }

  /**
   * A pod of {@code owner} ({@code Kind/name}) whose container runs {@code image} as {@code
   * imageId}.
   */
  private static String pod(String name, String owner, String image, String imageId) {
    String kind = owner.substring(0, owner.indexOf('/'));
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %1$s
          namespace: shop
          ownerReferences: [{apiVersion: %2$s, kind: %3$s, name: %4$s, uid: u-%4$s, controller: true}]
        spec:
          restartPolicy: %7$s
          containers: [{name: app, image: "%5$s"}]
        status:
          phase: Running
          containerStatuses: [{name: app, image: "%5$s", imageID: "%6$s", ready: true, restartCount: 0}]
        ---
        """
        .formatted(
            name,
            kind.equals("Job") ? "batch/v1" : "apps/v1",
            kind,
            owner.substring(owner.indexOf('/') + 1),
            image,
            imageId,
            kind.equals("Job") ? "OnFailure" : "Always");
  }

  private static JsonNode scanImages(MockCluster cluster, Path temp) throws Exception {
    Cli cli =
        Cli.run(
            "cluster",
            "--kubeconfig",
            cluster.kubeconfig(temp).toString(),
            "--images",
            "--insecure-registries",
            "-o",
            "json");
    assertThat(cli.out()).as(cli.err()).startsWith("{");
    return new ObjectMapper().readTree(cli.out());
  }

  /**
   * The images the scan tried to read, each as its note's input and the bracket that links it
   * ({@code [image ...]}); the registry's error before it is left out.
   */
  private static List<String> notScanned(JsonNode report) {
    List<String> notes = new ArrayList<>();
    for (JsonNode note : report.get("notes")) {
      String message = note.get("message").asText();
      if (message.startsWith("image not scanned: ")) {
        notes.add(
            note.get("input").asText()
                + " "
                + message.substring(message.lastIndexOf(" [image ") + 1));
      }
    }
    return notes;
  }

  /** What {@link #notScanned} gives for {@code image}: {@code image [image image; parts...]}. */
  private static String note(String image, String... parts) {
    return image + " [image " + image + "; " + String.join("; ", parts) + "]";
  }

  @Test
  @DisplayName(
      "--images scans what pods run, by the digest their status reports: one scan per digest,"
          + " every name it went by, linked to the Deployment or CronJob and the pods that run it;"
          + " a rollout with two digests scans both; pods left out of the rules stay out")
  void podDigestsOverTags() throws Exception {
    // 127.0.0.1:1 refuses every connection: each reference the scan reads becomes a note
    String app = "127.0.0.1:1/team/app";
    try (MockCluster cluster = new MockCluster()) {
      create(
          cluster,
          deployment("web", 3, app + ":latest")
              + controlled("ReplicaSet", "web-old", "Deployment/web", app + ":latest")
              + controlled("ReplicaSet", "web-new", "Deployment/web", app + ":latest")
              + pod(
                  "web-old-1",
                  "ReplicaSet/web-old",
                  app + ":latest",
                  "docker-pullable://" + app + "@" + A)
              + pod(
                  "web-old-2",
                  "ReplicaSet/web-old",
                  app + ":latest",
                  "docker-pullable://" + app + "@" + A)
              + pod("web-new-1", "ReplicaSet/web-new", app + ":latest", app + "@" + B)
              + deployment("api", 1, app + ":v1")
              + controlled("ReplicaSet", "api-1", "Deployment/api", app + ":v1")
              + pod("api-1-x", "ReplicaSet/api-1", app + ":v1", "docker.io/team/app@" + A)
              + cronJob("report", "app", app + ":v2")
              + controlled("Job", "report-29", "CronJob/report", app + ":v2")
              + pod("report-29-x", "Job/report-29", app + ":v2", app + "@" + C));
      JsonNode report = scanImages(cluster, temp);

      assertThat(notScanned(report))
          .containsExactlyInAnyOrder(
              note(
                  app + "@" + A,
                  "named " + app + ":latest, " + app + ":v1",
                  "run by Deployment shop/web (pods web-old-1, web-old-2), Deployment shop/api (pod"
                      + " api-1-x)"),
              note(
                  app + "@" + B,
                  "named " + app + ":latest",
                  "run by Deployment shop/web (pod web-new-1)"),
              note(
                  app + "@" + C,
                  "named " + app + ":v2",
                  "run by CronJob shop/report (pod report-29-x)"));
      // the pods repeat their controllers: their rule findings are the Deployment's and CronJob's
      List<String> subjects = new ArrayList<>();
      report.get("findings").forEach(f -> subjects.add(f.at("/subject/objectKind").asText()));
      assertThat(subjects)
          .contains("Deployment", "CronJob")
          .doesNotContain("Pod", "ReplicaSet", "Job");
    }
  }

  @Test
  @DisplayName(
      "workloads without pods: --images scans their templates' tags; two tags of one manifest are"
          + " read once, named with the digest read and linked to both; an unreadable one is a note")
  void imagesOfTheCluster() throws Exception {
    assumeTrue(LocalRegistry.available(), "docker-registry and skopeo are not installed");
    try (LocalRegistry registry = LocalRegistry.start(temp.resolve("registry"));
        MockCluster cluster = new MockCluster()) {
      Pushed pushed = pushTwoTags(registry);
      String image = pushed.latest();
      String stable = pushed.stable();
      Digest digest = pushed.digest();
      String missing = image.replace("team/app:latest", "team/gone:1.0");
      create(
          cluster,
          deployment("web", 0, image) + cronJob("report", "report", stable, "gone", missing));
      JsonNode report = scanImages(cluster, temp);

      List<String> imageFindings = new ArrayList<>();
      Set<String> scanned = new HashSet<>();
      for (JsonNode finding : report.get("findings")) {
        if (finding.at("/subject/objectKind").asText().equals("Image")) {
          imageFindings.add(finding.get("ruleId").asText() + " " + finding.get("message").asText());
          scanned.add(finding.at("/subject/name").asText());
        }
      }
      // both tags name one manifest: read once, named by the first tag and the digest it read
      String pinned = image + "@" + digest;
      assertThat(scanned).containsExactly(pinned);
      assertThat(imageFindings)
          .contains(
              "image-latest-tag the image is named by the tag latest: "
                  + pinned
                  + " [image "
                  + pinned
                  + "; named "
                  + image
                  + ", "
                  + stable
                  + "; run by Deployment shop/web (no pods), CronJob shop/report (no pods)]");
      assertThat(notScanned(report))
          .containsExactly(
              note(missing, "named " + missing, "run by CronJob shop/report (no pods)"));
    }
  }

  @Test
  @DisplayName(
      "a tag, not a digest, when the pod has none to give: a containerd or Docker local image id,"
          + " no id yet, no pods at all (scaled to zero), or a template image no pod runs yet")
  void tagsWhenThereIsNoDigest() throws Exception {
    String reg = "127.0.0.1:1/team/";
    String local = "sha256:" + "d".repeat(64);
    try (MockCluster cluster = new MockCluster()) {
      create(
          cluster,
          deployment("local", 1, reg + "local:1.0")
              + controlled("ReplicaSet", "local-1", "Deployment/local", reg + "local:1.0")
              + pod("local-1-x", "ReplicaSet/local-1", reg + "local:1.0", local)
              + pod("local-1-y", "ReplicaSet/local-1", reg + "local:1.0", "docker://" + local)
              + deployment("pending", 1, reg + "pending:1")
              + controlled("ReplicaSet", "pending-1", "Deployment/pending", reg + "pending:1")
              + pod("pending-1-x", "ReplicaSet/pending-1", reg + "pending:1", "")
              + deployment("idle", 0, reg + "idle:2.0")
              + deployment("moving", 1, reg + "app:v3")
              + controlled("ReplicaSet", "moving-2", "Deployment/moving", reg + "app:v2")
              + pod("moving-2-x", "ReplicaSet/moving-2", reg + "app:v2", reg + "app@" + A));
      JsonNode report = scanImages(cluster, temp);

      assertThat(notScanned(report))
          .containsExactlyInAnyOrder(
              note(
                  reg + "local:1.0",
                  "by tag: the runtime reports a local image id, not a registry digest ("
                      + local
                      + ")",
                  "named " + reg + "local:1.0",
                  "run by Deployment shop/local (pods local-1-x, local-1-y)"),
              note(
                  reg + "pending:1",
                  "by tag: the pod reports no image id yet",
                  "named " + reg + "pending:1",
                  "run by Deployment shop/pending (pod pending-1-x)"),
              note(
                  reg + "idle:2.0",
                  "named " + reg + "idle:2.0",
                  "run by Deployment shop/idle (no pods)"),
              note(
                  reg + "app@" + A,
                  "named " + reg + "app:v2",
                  "run by Deployment shop/moving (pod moving-2-x)"),
              note(
                  reg + "app:v3",
                  "named " + reg + "app:v3",
                  "run by Deployment shop/moving (no pods)"));
    }
  }

  /**
   * One image pushed as {@code team/app:latest} and {@code team/app:1.0}; both name {@code digest}.
   */
  private record Pushed(String latest, String stable, Digest digest) {}

  private Pushed pushTwoTags(LocalRegistry registry) throws Exception {
    TestImage image = TestImage.debianLike();
    String latest = registry.push(image, temp.resolve("latest"), "team/app", "latest");
    String stable = registry.push(image, temp.resolve("stable"), "team/app", "1.0");
    Digest digest = digestOf(latest);
    assertThat(digestOf(stable)).isEqualTo(digest);
    return new Pushed(latest, stable, digest);
  }

  private static Digest digestOf(String reference) {
    try (ResolvedImage image =
        new RegistryClient(RegistryCredentials.none(), true, Duration.ofSeconds(30))
            .open(ImageReference.parse(reference), Platform.parse("linux/amd64"))) {
      return image.manifestDigest();
    }
  }

  @Test
  @DisplayName(
      "one image pushed under two tags and run by two Deployments is read once, by the pods'"
          + " digest, linked to both with both names; a scaled-to-zero workload's tag joins it")
  void oneDigestTwoTags() throws Exception {
    assumeTrue(LocalRegistry.available(), "docker-registry and skopeo are not installed");
    try (LocalRegistry registry = LocalRegistry.start(temp.resolve("registry"));
        MockCluster cluster = new MockCluster()) {
      Pushed app = pushTwoTags(registry);
      String repository = registry.host() + "/team/app";
      create(
          cluster,
          deployment("web", 1, app.latest())
              + controlled("ReplicaSet", "web-1", "Deployment/web", app.latest())
              + pod(
                  "web-1-x",
                  "ReplicaSet/web-1",
                  app.latest(),
                  "docker-pullable://" + repository + "@" + app.digest())
              + deployment("api", 1, app.stable())
              + controlled("ReplicaSet", "api-1", "Deployment/api", app.stable())
              + pod("api-1-x", "ReplicaSet/api-1", app.stable(), repository + "@" + app.digest())
              + deployment("idle", 0, app.stable()));
      JsonNode report = scanImages(cluster, temp);

      Set<String> scanned = new HashSet<>();
      List<String> shells = new ArrayList<>();
      for (JsonNode finding : report.get("findings")) {
        if (finding.at("/subject/objectKind").asText().equals("Image")) {
          scanned.add(finding.at("/subject/name").asText());
          if (finding.get("ruleId").asText().equals("image-shell-present")) {
            shells.add(finding.get("message").asText());
          }
        }
      }
      assertThat(scanned).containsExactly(repository + "@" + app.digest());
      assertThat(shells)
          .singleElement()
          .asString()
          .endsWith(
              "[image "
                  + repository
                  + "@"
                  + app.digest()
                  + "; named "
                  + app.latest()
                  + ", "
                  + app.stable()
                  + "; run by Deployment shop/web (pod web-1-x), Deployment shop/api (pod"
                  + " api-1-x), Deployment shop/idle (no pods)]");
      assertThat(notScanned(report)).isEmpty();
      // read by digest, the image has no tag to judge; the workload's own rule names :latest
      List<String> tagFindings = new ArrayList<>();
      for (JsonNode finding : report.get("findings")) {
        if (finding.get("status").asText().equals("FAIL")
            && finding.get("ruleId").asText().matches("image-latest-tag|container-image-tag")) {
          tagFindings.add(
              finding.get("ruleId").asText() + " " + finding.at("/subject/name").asText());
        }
      }
      assertThat(tagFindings).containsExactly("container-image-tag web");
    }
  }
}
