package io.kubeattest.image.oci;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Points at one blob: its media type, digest and size; in an index, also the platform and the
 * annotations (an OCI layout's {@code org.opencontainers.image.ref.name} tag).
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    @Nullable Platform platform,
    Map<String, String> annotations) {
  public Descriptor {
    if (size < 0) {
      throw new ImageException("blob " + digest + " has a negative size: " + size);
    }
    annotations = Map.copyOf(annotations);
  }

  /** A descriptor without platform and annotations. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, Map.of());
  }
}
