package io.kubeattest.sources.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubeattest.engine.InputException;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.tree.Positions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a live cluster: every kind of {@link ResourceKind#ALL}, across all namespaces, page by page
 * ({@code limit}/{@code continue}), each object trimmed ({@link ObjectTrimmer}) and handed to a
 * {@link ClusterSink} as soon as it is parsed. Objects that repeat their owner's pod template are
 * left out ({@link OwnedPods}); every pod, left out or not, also reaches {@link ClusterSink#pod}
 * with the workload that runs it. Secrets are requested as metadata only ({@code
 * PartialObjectMetadataList}). A kind the credentials may not list (403) or the server does not
 * serve (404) becomes a note and the reading goes on. Not thread-safe; close it after use.
 */
public final class ClusterSource implements AutoCloseable {
  private static final String METADATA_ONLY =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
  private static final long TIMEOUT_SECONDS = 60;

  private final KubernetesClient client;
  private final ClusterOptions options;
  private final String server;
  private final String context;
  private final ListPageParser pages = new ListPageParser();

  private ClusterSource(KubernetesClient client, ClusterOptions options, String context) {
    this.client = client;
    this.options = options;
    this.server = stripSlash(client.getMasterUrl().toString());
    this.context = context;
  }

  /**
   * Connects as {@code options} say: the kubeconfig file and context, or the usual search
   * (KUBECONFIG, ~/.kube/config, in-cluster service account).
   *
   * @throws InputException when the kubeconfig cannot be read or names no such context
   */
  public static ClusterSource connect(ClusterOptions options) {
    if (options.kubeconfig() != null && !java.nio.file.Files.isRegularFile(options.kubeconfig())) {
      throw new InputException(options.kubeconfig() + ": no such kubeconfig file");
    }
    Config config;
    try {
      config =
          options.kubeconfig() != null
              ? Config.fromKubeconfig(options.context(), options.kubeconfig().toFile())
              : Config.autoConfigure(options.context());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      String what = options.kubeconfig() != null ? options.kubeconfig().toString() : "kubeconfig";
      throw new InputException(what + ": " + oneLine(e.getMessage()), e);
    }
    String context =
        config.getCurrentContext() != null
            ? Objects.requireNonNullElse(config.getCurrentContext().getName(), "")
            : "";
    // a scan is a batch of reads: give up on a dead server after two short retries
    config.setRequestRetryBackoffLimit(2);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    return new ClusterSource(client, options, context);
  }

  /**
   * Reads the server version, then lists every kind into {@code sink}.
   *
   * @throws InputException when the server cannot be reached or refuses the credentials
   */
  public ClusterInfo read(ClusterSink sink) {
    return read(sink, Set.of());
  }

  /**
   * Like {@link #read(ClusterSink)}, but lists only the kinds named in {@code kinds} (all when it
   * is empty).
   */
  public ClusterInfo read(ClusterSink sink, Set<String> kinds) {
    ClusterInfo info = new ClusterInfo(server, context, version());
    OwnedPods owned = new OwnedPods();
    for (ResourceKind kind : ResourceKind.ALL) {
      if (kinds.isEmpty() || kinds.contains(kind.kind())) {
        list(kind, owned, sink);
      }
    }
    return info;
  }

  private String version() {
    Response response = get("/version", "application/json");
    try (InputStream body = response.body()) {
      if (response.code() == 401) {
        throw new InputException(server + ": unauthorized (401): the credentials were refused");
      }
      if (response.code() != 200) {
        return "";
      }
      return new ObjectMapper().readTree(body).path("gitVersion").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private void list(ResourceKind kind, OwnedPods owned, ClusterSink sink) {
    String token = null;
    int[] count = {0};
    do {
      String path = kind.listPath() + "?limit=" + options.pageSize();
      if (token != null) {
        path += "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      }
      Response response =
          get(path, kind.kind().equals("Secret") ? METADATA_ONLY : "application/json");
      try (InputStream body = response.body()) {
        if (response.code() != 200) {
          sink.note(
              new InputNote(
                  InputNote.Kind.SKIPPED,
                  server,
                  "cannot list " + kind.plural() + ": " + reason(response.code())));
          return;
        }
        token = pages.parse(body, item -> handle(kind, item, owned, sink, count));
      } catch (IOException e) {
        sink.note(
            new InputNote(
                InputNote.Kind.ERROR,
                server,
                "cannot read the list of " + kind.plural() + ": " + oneLine(e.getMessage())));
        return;
      }
    } while (token != null);
    sink.listed(kind, count[0]);
  }

  private void handle(
      ResourceKind kind,
      Map<String, @Nullable Object> item,
      OwnedPods owned,
      ClusterSink sink,
      int[] count) {
    Map<String, @Nullable Object> trimmed = ObjectTrimmer.trim(kind, item);
    ObjectRef ref = KubernetesObject.refOf(trimmed);
    if (ref == null) {
      return;
    }
    String namespace = kind.kind().equals("Namespace") ? ref.name() : ref.namespace();
    if (namespace != null && !options.reads(namespace)) {
      return;
    }
    owned.rememberOwner(kind.kind(), trimmed);
    KubernetesObject object = new KubernetesObject(ref, trimmed, null, Positions.NONE);
    if (kind.kind().equals("Pod")) {
      sink.pod(object, owned.workloadOf(ref, trimmed));
    }
    if (owned.leftOut(kind.kind(), trimmed)) {
      return;
    }
    sink.object(object);
    count[0]++;
  }

  private Response get(String path, String accept) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(URI.create(server + path))
            .header("Accept", accept)
            .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .build();
    try {
      // A page (limit objects) is read whole as bytes, then parsed item by item.
      HttpResponse<byte[]> response =
          http.sendAsync(request, byte[].class).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      byte[] body = response.body();
      return new Response(
          response.code(), new ByteArrayInputStream(body != null ? body : new byte[0]));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(server + ": interrupted", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new InputException(
          server + ": cannot reach the API server: " + oneLine(String.valueOf(cause)), e);
    }
  }

  private static String reason(int code) {
    return switch (code) {
      case 401 -> "unauthorized (401)";
      case 403 -> "forbidden (403)";
      case 404 -> "not served by this cluster (404)";
      default -> "HTTP " + code;
    };
  }

  private record Response(int code, InputStream body) {}

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String oneLine(@Nullable String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  @Override
  public void close() {
    client.close();
  }
}
