package io.kubeattest.sources.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClusterSource} against the fabric8 mock API server (CRUD mode plus expectations). */
class ClusterSourceTest {
  private static final Logger QUIET = Logger.getLogger("io.fabric8.mockwebserver");

  @TempDir Path dir;
  private KubernetesMockServer server;
  private Path kubeconfig;

  @BeforeEach
  void start() throws Exception {
    QUIET.setLevel(Level.WARNING);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    String url = server.url("/");
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: m\n  cluster: {server: \""
            + url.substring(0, url.length() - 1)
            + "\"}\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: m\n"
            + "  context: {cluster: m, user: u}\ncurrent-context: m\n");
  }

  @AfterEach
  void stop() {
    server.destroy();
  }

  /** What the sink received; {@code pods} as {@code "pod -> Kind ns/name"} of its workload. */
  private record Read(List<KubernetesObject> objects, List<InputNote> notes, List<String> pods) {}

  private Read read(ClusterOptions options) {
    List<KubernetesObject> objects = new ArrayList<>();
    List<InputNote> notes = new ArrayList<>();
    List<String> pods = new ArrayList<>();
    try (ClusterSource source = ClusterSource.connect(options)) {
      source.read(
          new ClusterSink() {
            @Override
            public void object(KubernetesObject object) {
              objects.add(object);
            }

            @Override
            public void note(InputNote note) {
              notes.add(note);
            }

            @Override
            public void pod(KubernetesObject pod, ObjectRef workload) {
              pods.add(pod.ref().name() + " -> " + workload.display());
            }
          });
    }
    return new Read(objects, notes, pods);
  }

  private ClusterOptions options(int pageSize) {
    return new ClusterOptions(kubeconfig, null, List.of(), List.of(), pageSize);
  }

  private static String pod(String name) {
    return "{\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"a\"},"
        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"ports\":[{\"containerPort\":80}]}]}}";
  }

  @Test
  @DisplayName("follows continue tokens until the last page, with the page size as limit")
  void paginates() {
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=2")
        .andReturn(
            200,
            "{\"kind\":\"PodList\",\"metadata\":{\"continue\":\"next/page=1\"},\"items\":["
                + pod("p1")
                + ","
                + pod("p2")
                + "]}")
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=2&continue=next%2Fpage%3D1")
        .andReturn(200, "{\"kind\":\"PodList\",\"metadata\":{},\"items\":[" + pod("p3") + "]}")
        .once();
    Read read = read(options(2));
    List<KubernetesObject> pods =
        read.objects().stream().filter(o -> o.ref().kind().equals("Pod")).toList();
    assertThat(pods).extracting(o -> o.ref().name()).containsExactly("p1", "p2", "p3");
    KubernetesObject first = pods.get(0);
    assertThat(first.ref().apiVersion()).isEqualTo("v1");
    assertThat(first.location()).isNull();
    // integers are Longs, as the manifest readers give them
    assertThat(
            ((Map<?, ?>)
                    ((List<?>)
                            ((Map<?, ?>)
                                    ((List<?>)
                                            ((Map<?, ?>) first.content().get("spec"))
                                                .get("containers"))
                                        .get(0))
                                .get("ports"))
                        .get(0))
                .get("containerPort"))
        .isEqualTo(80L);
  }

  @Test
  @DisplayName("Secrets are asked for as metadata only, and data never leaves the source")
  void secretsMetadataOnly() throws Exception {
    server
        .expect()
        .get()
        .withPath("/api/v1/secrets?limit=500")
        .andReturn(
            200,
            "{\"kind\":\"SecretList\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"db\","
                + "\"namespace\":\"a\",\"managedFields\":[{\"manager\":\"kubectl\"}]},\"type\":\"Opaque\","
                + "\"data\":{\"password\":\"c2VjcmV0\"},\"stringData\":{\"t\":\"plain\"}}]}")
        .once();
    Read read = read(options(500));
    KubernetesObject secret =
        read.objects().stream()
            .filter(o -> o.ref().kind().equals("Secret"))
            .findFirst()
            .orElseThrow();
    assertThat(secret.content()).containsOnlyKeys("apiVersion", "kind", "metadata", "type");
    assertThat(secret.content().toString()).doesNotContain("c2VjcmV0", "plain", "managedFields");
    RecordedRequest request = null;
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest r = server.takeRequest();
      if (r.getPath().startsWith("/api/v1/secrets")) {
        request = r;
      }
    }
    assertThat(request).isNotNull();
    assertThat(request.getHeader("Accept"))
        .startsWith("application/json;as=PartialObjectMetadataList");
  }

  @Test
  @DisplayName("ConfigMaps keep their keys, never their values")
  void configMapKeysOnly() {
    server
        .expect()
        .get()
        .withPath("/api/v1/configmaps?limit=500")
        .andReturn(
            200,
            "{\"items\":[{\"metadata\":{\"name\":\"c\",\"namespace\":\"a\"},"
                + "\"data\":{\"URL\":\"postgres://u:hunter2@db\"},\"binaryData\":{\"k\":\"AAAA\"}}]}")
        .once();
    KubernetesObject map =
        read(options(500)).objects().stream()
            .filter(o -> o.ref().kind().equals("ConfigMap"))
            .findFirst()
            .orElseThrow();
    assertThat(map.content().get("data")).isEqualTo(Map.of("URL", ""));
    assertThat(map.content().toString()).doesNotContain("hunter2", "AAAA");
  }

  @Test
  @DisplayName("a forbidden kind and a kind the server does not serve become notes naming them")
  void forbiddenAndMissingKinds() {
    server
        .expect()
        .get()
        .withPath("/apis/rbac.authorization.k8s.io/v1/clusterroles?limit=500")
        .andReturn(403, "{\"kind\":\"Status\",\"code\":403}")
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/autoscaling/v2/horizontalpodautoscalers?limit=500")
        .andReturn(404, "{\"kind\":\"Status\",\"code\":404}")
        .always();
    Read read = read(options(500));
    assertThat(read.notes())
        .extracting(InputNote::message)
        .containsExactly(
            "cannot list clusterroles: forbidden (403)",
            "cannot list horizontalpodautoscalers: not served by this cluster (404)");
    assertThat(read.notes())
        .allSatisfy(n -> assertThat(n.kind()).isEqualTo(InputNote.Kind.SKIPPED));
  }

  private static String controlled(String kind, String name, String owner, String spec) {
    return "{\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"a\",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\","
        + "\"kind\":\""
        + owner.substring(0, owner.indexOf('/'))
        + "\",\"name\":\""
        + owner.substring(owner.indexOf('/') + 1)
        + "\",\"controller\":true}]},\"spec\":"
        + spec
        + ",\"kind\":\""
        + kind
        + "\"}";
  }

  private void serve(String path, String... items) {
    server
        .expect()
        .get()
        .withPath(path + "?limit=500")
        .andReturn(200, "{\"items\":[" + String.join(",", items) + "]}")
        .once();
  }

  @Test
  @DisplayName(
      "every pod reaches the sink's pod() with its top workload, also the pods left out of"
          + " object() because they repeat their ReplicaSet")
  void podsWithTheirWorkloads() {
    String podSpec = "{\"containers\":[{\"name\":\"c\",\"image\":\"web:1\"}]}";
    serve(
        "/apis/apps/v1/deployments",
        "{\"metadata\":{\"name\":\"web\",\"namespace\":\"a\"},"
            + "\"spec\":{\"template\":{\"spec\":"
            + podSpec
            + "}}}");
    serve(
        "/apis/apps/v1/replicasets",
        controlled(
            "ReplicaSet",
            "web-5d8f",
            "Deployment/web",
            "{\"template\":{\"spec\":" + podSpec + "}}"));
    serve(
        "/api/v1/pods",
        controlled("Pod", "web-5d8f-a", "ReplicaSet/web-5d8f", podSpec),
        controlled(
            "Pod",
            "web-5d8f-b",
            "ReplicaSet/web-5d8f",
            "{\"containers\":[{\"name\":\"c\",\"image\":\"web:2\"}]}"),
        pod("bare"));
    Read read = read(options(500));
    assertThat(read.pods())
        .containsExactly(
            "web-5d8f-a -> Deployment a/web",
            "web-5d8f-b -> Deployment a/web",
            "bare -> Pod a/bare");
    // the pod that repeats its ReplicaSet, and the ReplicaSet, are still not judged
    assertThat(read.objects())
        .extracting(o -> o.ref().display())
        .containsExactly("Deployment a/web", "Pod a/web-5d8f-b", "Pod a/bare");
  }

  @Test
  @DisplayName("namespace globs: excluded namespaces and their objects are not handed on")
  void namespaceGlobs() {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces?limit=500")
        .andReturn(
            200,
            "{\"items\":[{\"metadata\":{\"name\":\"kube-system\"}},{\"metadata\":{\"name\":\"a\"}}]}")
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=500")
        .andReturn(
            200,
            "{\"items\":["
                + pod("p1")
                + ","
                + "{\"metadata\":{\"name\":\"k\",\"namespace\":\"kube-system\"},\"spec\":{}}]}")
        .once();
    Read read = read(new ClusterOptions(kubeconfig, null, List.of(), List.of("kube-*"), 500));
    assertThat(read.objects()).extracting(o -> o.ref().name()).containsExactly("a", "p1");
  }

  @Test
  @DisplayName("globs: * and ? as in a shell")
  void globs() {
    assertThat(ClusterOptions.Glob.matches("kube-*", "kube-system")).isTrue();
    assertThat(ClusterOptions.Glob.matches("kube-*", "kubesystem")).isFalse();
    assertThat(ClusterOptions.Glob.matches("team-?", "team-a")).isTrue();
    assertThat(ClusterOptions.Glob.matches("team-?", "team-ab")).isFalse();
    assertThat(ClusterOptions.Glob.matches("*", "")).isTrue();
  }
}
