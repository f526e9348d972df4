package io.kubeattest.image.registry;

import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ImageException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An image reference, {@code [registry/]repository[:tag][@digest]}, normalised as Docker does: no
 * registry means Docker Hub ({@code docker.io}), a one-part Docker Hub repository gets {@code
 * library/}, and no tag and no digest means {@code latest}.
 *
 * @param tag the tag, or null when the reference has a digest and no tag
 * @param digest the digest, or null
 */
public record ImageReference(
    String registry, String repository, @Nullable String tag, @Nullable Digest digest) {
  /** The registry name of Docker Hub in references. */
  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  /**
   * Parses a reference.
   *
   * @throws ImageException naming the value and what is wrong with it
   */
  public static ImageReference parse(String value) {
    String rest = value.strip();
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      try {
        digest = Digest.parse(rest.substring(at + 1));
      } catch (ImageException e) {
        throw new ImageException("not an image reference: '" + value + "': " + e.getMessage(), e);
      }
      rest = rest.substring(0, at);
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw new ImageException("not an image reference: '" + value + "': bad tag '" + tag + "'");
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (!REPOSITORY.matcher(rest).matches()) {
      throw new ImageException(
          "not an image reference: '"
              + value
              + "' (expected [registry/]repository[:tag][@sha256:...], repository in lower case)");
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry.toLowerCase(Locale.ROOT), rest, tag, digest);
  }

  /** The host (and port) to connect to: Docker Hub's API lives at {@code registry-1.docker.io}. */
  public String apiHost() {
    return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
  }

  /** The digest if there is one, else the tag: what a manifest GET asks for. */
  public String manifestReference() {
    return digest != null ? digest.value() : String.valueOf(tag);
  }

  /** The host without a port, for loopback checks. */
  public String host() {
    String host = apiHost();
    if (host.startsWith("[")) {
      return host.substring(1, host.indexOf(']'));
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag == null ? "" : ":" + tag)
        + (digest == null ? "" : "@" + digest);
  }
}
