package io.kubeattest.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.image.oci.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registry user names and passwords, from the {@code auths} section of a Docker config file ({@code
 * "auth": base64(user:password)} per registry). Credential helpers ({@code credsStore}, {@code
 * credHelpers}) are not run. Immutable.
 */
public final class RegistryCredentials {
  /** A user name and password. */
  public record Login(String username, String password) {
    @Override
    public String toString() {
      return "Login[" + username + ", ****]";
    }
  }

  private static final RegistryCredentials NONE = new RegistryCredentials(Map.of());
  private final Map<String, Login> byRegistry;

  private RegistryCredentials(Map<String, Login> byRegistry) {
    this.byRegistry = Map.copyOf(byRegistry);
  }

  /** No credentials: anonymous access only. */
  public static RegistryCredentials none() {
    return NONE;
  }

  /** One login for one registry (tests, flags). */
  public static RegistryCredentials of(String registry, Login login) {
    return new RegistryCredentials(Map.of(registry, login));
  }

  /**
   * The Docker config of this user: {@code $DOCKER_CONFIG/config.json}, else {@code
   * ~/.docker/config.json}; none when the file does not exist.
   */
  public static RegistryCredentials fromDockerConfig(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    Path file =
        dir != null && !dir.isBlank()
            ? Path.of(dir, "config.json")
            : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return Files.isRegularFile(file) ? read(file) : NONE;
  }

  /**
   * Reads a Docker config file.
   *
   * @throws ImageException naming the file when it is not valid JSON or an entry is malformed
   */
  public static RegistryCredentials read(Path file) {
    JsonNode root;
    try {
      byte[] bytes = Files.readAllBytes(file);
      root = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new ImageException(file + ": not a readable Docker config: " + e.getMessage(), e);
    }
    Map<String, Login> logins = new HashMap<>();
    if (root != null) {
      root.path("auths")
          .properties()
          .forEach(e -> logins.put(registryKey(e.getKey()), login(file, e.getKey(), e.getValue())));
    }
    logins.values().removeIf(l -> l.username().isEmpty());
    return new RegistryCredentials(logins);
  }

  /** The login for {@code registry} (as in a reference: {@code docker.io}, {@code host:port}). */
  public Optional<Login> forRegistry(String registry) {
    return Optional.ofNullable(byRegistry.get(registryKey(registry)));
  }

  private static Login login(Path file, String registry, JsonNode entry) {
    String auth = entry.path("auth").asText("");
    if (auth.isEmpty()) {
      return new Login(entry.path("username").asText(""), entry.path("password").asText(""));
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ImageException(file + ": the auth of " + registry + " is not base64", e);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new ImageException(file + ": the auth of " + registry + " is not user:password");
    }
    return new Login(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** Docker writes Docker Hub as {@code https://index.docker.io/v1/}; others as host[:port]. */
  private static String registryKey(String key) {
    String k = key.replaceFirst("^https?://", "");
    int slash = k.indexOf('/');
    if (slash >= 0) {
      k = k.substring(0, slash);
    }
    if (k.equals("index.docker.io") || k.equals("registry-1.docker.io")) {
      return ImageReference.DOCKER_HUB;
    }
    return k;
  }
}
