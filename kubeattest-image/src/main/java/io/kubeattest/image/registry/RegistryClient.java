package io.kubeattest.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.image.oci.BlobSource;
import io.kubeattest.image.oci.Descriptor;
import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.ImageResolver;
import io.kubeattest.image.oci.ManifestParser;
import io.kubeattest.image.oci.MediaTypes;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.oci.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Pulls manifests, configs and layers from a registry over the OCI distribution API. Every blob is
 * verified against its digest; a manifest fetched by digest is verified too. Authentication: none,
 * then on a 401 the challenge's bearer token (anonymous, or with the registry's login) or basic
 * auth. HTTPS always; plain HTTP only when {@code insecure} is set and the host is a loopback
 * address. Redirects are followed by hand (at most {@value #MAX_REDIRECTS}, never from HTTPS to
 * HTTP, the {@code Authorization} header dropped when the host changes). Thread-safe for separate
 * images; one image's blobs are read from one thread.
 */
public final class RegistryClient {
  static final int MAX_REDIRECTS = 5;
  private static final int MAX_TOKEN_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final RegistryCredentials credentials;
  private final boolean insecure;
  private final Duration timeout;
  private final ImageResolver resolver = new ImageResolver();
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();

  /**
   * @param insecure allow plain HTTP to loopback registries
   * @param timeout the connect timeout and the time allowed for each response's headers
   */
  public RegistryClient(RegistryCredentials credentials, boolean insecure, Duration timeout) {
    this.credentials = credentials;
    this.insecure = insecure;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Fetches the manifest of {@code reference} (the {@code platform} entry of an index) and its
   * config.
   *
   * @throws ImageException naming the reference on any registry, network or format error
   */
  public ResolvedImage open(ImageReference reference, Platform platform) {
    String base = baseUrl(reference);
    String name = reference.toString();
    URI uri =
        URI.create(
            base + "/v2/" + reference.repository() + "/manifests/" + reference.manifestReference());
    HttpResponse<InputStream> response =
        get(reference, uri, MediaTypes.ACCEPT, "manifest of " + name);
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(ManifestParser.MAX_MANIFEST_BYTES + 1);
    } catch (IOException e) {
      throw new ImageException(name + ": manifest cannot be read: " + e.getMessage(), e);
    }
    if (body.length > ManifestParser.MAX_MANIFEST_BYTES) {
      throw new ImageException(
          name + ": manifest is over the limit of " + ManifestParser.MAX_MANIFEST_BYTES + " bytes");
    }
    Digest digest = Digest.of(body);
    if (reference.digest() != null && !reference.digest().equals(digest)) {
      throw new ImageException(
          name + ": the registry's manifest does not match the digest: got " + digest);
    }
    Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
    if (claimed.isPresent()
        && claimed.get().startsWith("sha256:")
        && !claimed.get().equals(digest.value())) {
      throw new ImageException(
          name
              + ": the manifest does not match the registry's Docker-Content-Digest "
              + claimed.get());
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    return resolver.resolve(
        name, digest, body, contentType, platform, new RegistryBlobs(reference, base));
  }

  private String baseUrl(ImageReference reference) {
    if (!insecure) {
      return "https://" + reference.apiHost();
    }
    if (!isLoopback(reference.host())) {
      throw new ImageException(
          reference
              + ": --insecure (plain HTTP) is allowed for loopback registries only, not "
              + reference.host());
    }
    return "http://" + reference.apiHost();
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** GETs {@code uri}, answering one auth challenge and following redirects; 200 or throws. */
  private HttpResponse<InputStream> get(
      ImageReference reference, URI uri, String accept, String what) {
    String scopeKey = reference.apiHost() + "/" + reference.repository();
    HttpResponse<InputStream> response = send(uri, accept, authorizations.get(scopeKey), what);
    if (response.statusCode() == 401) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      discard(response);
      String authorization = authorize(reference, challenge, what);
      authorizations.put(scopeKey, authorization);
      response = send(uri, accept, authorization, what);
    }
    int status = response.statusCode();
    if (status != 200) {
      discard(response);
      String reason =
          switch (status) {
            case 401, 403 -> "access denied (HTTP " + status + "); log in with docker login?";
            case 404 -> "not found (HTTP 404)";
            case 429 -> "rate limited by the registry (HTTP 429)";
            default -> "the registry answered HTTP " + status;
          };
      throw new ImageException(what + ": " + reason);
    }
    return response;
  }

  private HttpResponse<InputStream> send(
      URI uri, String accept, @Nullable String authorization, String what) {
    URI current = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current).timeout(timeout).header("Accept", accept).GET();
      if (authorization != null && current.getHost().equals(uri.getHost())) {
        request.header("Authorization", authorization);
      }
      HttpResponse<InputStream> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new ImageException(
            what + ": cannot reach " + current.getHost() + ": " + describe(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageException(what + ": interrupted", e);
      }
      int status = response.statusCode();
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        return response;
      }
      discard(response);
      if (hop >= MAX_REDIRECTS) {
        throw new ImageException(what + ": more than " + MAX_REDIRECTS + " redirects");
      }
      String location =
          response
              .headers()
              .firstValue("Location")
              .orElseThrow(() -> new ImageException(what + ": a redirect without Location"));
      URI next = current.resolve(location);
      if ("https".equals(current.getScheme()) && !"https".equals(next.getScheme())) {
        throw new ImageException(what + ": refused a redirect from HTTPS to " + next.getScheme());
      }
      current = next;
    }
  }

  private String authorize(ImageReference reference, String header, String what) {
    AuthChallenge challenge =
        AuthChallenge.parse(header)
            .orElseThrow(
                () -> new ImageException(what + ": HTTP 401 without a WWW-Authenticate challenge"));
    Optional<RegistryCredentials.Login> login = credentials.forRegistry(reference.registry());
    if (challenge.scheme().equals("basic")) {
      return basic(
          login.orElseThrow(
              () ->
                  new ImageException(
                      what
                          + ": the registry asks for a login and none is configured (docker login)")));
    }
    if (!challenge.scheme().equals("bearer")) {
      throw new ImageException(what + ": unsupported auth scheme " + challenge.scheme());
    }
    String realm = challenge.parameters().get("realm");
    if (realm == null) {
      throw new ImageException(what + ": bearer challenge without a realm");
    }
    URI realmUri = URI.create(realm);
    boolean plainAllowed = insecure && isLoopback(String.valueOf(realmUri.getHost()));
    if (!"https".equals(realmUri.getScheme()) && !plainAllowed) {
      throw new ImageException(what + ": refused a token realm that is not HTTPS: " + realm);
    }
    StringBuilder query = new StringBuilder();
    String service = challenge.parameters().get("service");
    if (service != null) {
      query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
    }
    String scope =
        challenge
            .parameters()
            .getOrDefault("scope", "repository:" + reference.repository() + ":pull");
    query
        .append(query.length() > 0 ? "&" : "")
        .append("scope=")
        .append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
    URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    HttpResponse<InputStream> response =
        send(
            tokenUri,
            "application/json",
            login.map(RegistryClient::basic).orElse(null),
            what + " (token)");
    if (response.statusCode() != 200) {
      discard(response);
      throw new ImageException(
          what + ": the token endpoint answered HTTP " + response.statusCode());
    }
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
      JsonNode token = bytes.length > MAX_TOKEN_BYTES ? null : JSON.readTree(bytes);
      String value =
          token == null ? "" : token.path("token").asText(token.path("access_token").asText(""));
      if (value.isEmpty()) {
        throw new ImageException(what + ": the token endpoint returned no token");
      }
      return "Bearer " + value;
    } catch (IOException e) {
      throw new ImageException(
          what + ": the token endpoint returned garbage: " + e.getMessage(), e);
    }
  }

  private static String basic(RegistryCredentials.Login login) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static void discard(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.skipNBytes(0);
    } catch (IOException e) {
      // the connection is dropped; nothing to recover
    }
  }

  /** The blobs of one repository. */
  private final class RegistryBlobs implements BlobSource {
    private final ImageReference reference;
    private final String base;

    RegistryBlobs(ImageReference reference, String base) {
      this.reference = reference;
      this.base = base;
    }

    @Override
    public InputStream open(Descriptor descriptor) {
      URI uri =
          URI.create(base + "/v2/" + reference.repository() + "/blobs/" + descriptor.digest());
      String what = reference + " blob " + descriptor.digest();
      HttpResponse<InputStream> response = get(reference, uri, "*/*", what);
      return new VerifyingInputStream(
          response.body(), descriptor.digest(), descriptor.size(), "blob " + descriptor.digest());
    }

    @Override
    public byte[] readManifest(Descriptor descriptor) {
      URI uri =
          URI.create(base + "/v2/" + reference.repository() + "/manifests/" + descriptor.digest());
      String what = reference + " manifest " + descriptor.digest();
      HttpResponse<InputStream> response = get(reference, uri, MediaTypes.ACCEPT, what);
      try (InputStream in =
          new VerifyingInputStream(
              response.body(),
              descriptor.digest(),
              descriptor.size(),
              "manifest " + descriptor.digest())) {
        byte[] bytes = in.readNBytes(ManifestParser.MAX_MANIFEST_BYTES + 1);
        if (bytes.length > ManifestParser.MAX_MANIFEST_BYTES) {
          throw new ImageException(
              what + ": over the limit of " + ManifestParser.MAX_MANIFEST_BYTES + " bytes");
        }
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return bytes;
      } catch (IOException e) {
        throw new ImageException(what + ": cannot be read: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      // connections are pooled by the client
    }
  }
}
