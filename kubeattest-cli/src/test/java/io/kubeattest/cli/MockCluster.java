package io.kubeattest.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A fabric8 mock API server in CRUD mode, loaded with objects, and a kubeconfig file that points at
 * it, so tests run {@code kubeattest cluster --kubeconfig FILE} as a user would.
 */
final class MockCluster implements AutoCloseable {
  /** Held so the level sticks: the mock server logs every request at INFO. */
  private static final java.util.logging.Logger QUIET = quiet();

  final KubernetesMockServer server;
  final NamespacedKubernetesClient client;

  MockCluster() {
    // CRUD mode, with expectations (a 403 for one kind) taking precedence where a test sets one
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    client = server.createClient();
  }

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  /** Creates every object of the classpath resource {@code name}. */
  MockCluster load(String name) {
    try (InputStream in = MockCluster.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      List<HasMetadata> items = client.load(in).items();
      for (HasMetadata item : items) {
        client.resource(item).create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes a kubeconfig for this server into {@code directory} and returns its path. */
  Path kubeconfig(Path directory) {
    String url = server.url("/");
    String yaml =
        "apiVersion: v1\n"
            + "kind: Config\n"
            + "clusters:\n"
            + "- name: mock\n"
            + "  cluster: {server: \""
            + url.substring(0, url.length() - 1)
            + "\"}\n"
            + "users:\n"
            + "- name: reader\n"
            + "  user: {token: test-token}\n"
            + "contexts:\n"
            + "- name: mock\n"
            + "  context: {cluster: mock, user: reader}\n"
            + "current-context: mock\n";
    try {
      Path file = directory.resolve("kubeconfig");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
