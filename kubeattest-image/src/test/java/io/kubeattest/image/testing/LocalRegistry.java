package io.kubeattest.image.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: Debian's {@code docker-registry} started on {@code 127.0.0.1:<free port>} with its
 * own config and storage in a temporary directory (never the package's default config, which
 * listens on every interface), and {@code skopeo} to push test images into it.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final String REGISTRY = "/usr/bin/docker-registry";
  private static final String SKOPEO = "/usr/bin/skopeo";
  private final Process process;
  private final String host;
  private final Path dir;

  private LocalRegistry(Process process, String host, Path dir) {
    this.process = process;
    this.host = host;
    this.dir = dir;
  }

  /** Whether both binaries are installed. */
  public static boolean available() {
    return Files.isExecutable(Path.of(REGISTRY)) && Files.isExecutable(Path.of(SKOPEO));
  }

  /** Starts a registry storing under {@code dir} and waits until it answers. */
  public static LocalRegistry start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String host = "127.0.0.1:" + port;
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        "version: 0.1\n"
            + "log:\n  level: error\n"
            + "storage:\n  filesystem:\n    rootdirectory: "
            + dir.resolve("storage")
            + "\n"
            + "http:\n  addr: "
            + host
            + "\n");
    Process process =
        new ProcessBuilder(REGISTRY, "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    LocalRegistry registry = new LocalRegistry(process, host, dir);
    for (int i = 0; i < 100; i++) {
      if (registry.answers()) {
        return registry;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    registry.close();
    throw new IOException(
        "docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
  }

  private boolean answers() {
    try {
      HttpURLConnection c =
          (HttpURLConnection) URI.create("http://" + host + "/v2/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(500);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    return host;
  }

  /**
   * Writes {@code image} as an OCI layout in {@code layout} and pushes it, with {@code copyOptions}
   * for {@code skopeo copy} (e.g. {@code --dest-compress-format zstd:chunked}); returns the
   * reference.
   */
  public String push(
      TestImage image, Path layout, String repository, String tag, String... copyOptions)
      throws IOException, InterruptedException {
    image.writeOciLayout(layout, tag);
    String reference = host + "/" + repository + ":" + tag;
    List<String> command = new ArrayList<>(List.of(SKOPEO, "--insecure-policy", "copy", "--quiet"));
    command.addAll(List.of(copyOptions));
    command.addAll(
        List.of("--dest-tls-verify=false", "oci:" + layout + ":" + tag, "docker://" + reference));
    Process skopeo = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!skopeo.waitFor(120, TimeUnit.SECONDS) || skopeo.exitValue() != 0) {
      throw new IOException("skopeo copy failed: " + output);
    }
    return reference;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "LocalRegistry[" + host + ", " + dir + "]";
  }
}
