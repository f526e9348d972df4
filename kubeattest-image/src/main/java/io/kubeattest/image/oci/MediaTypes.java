package io.kubeattest.image.oci;

import java.util.Set;

/**
 * The manifest, index and layer media types of the OCI image spec and Docker's v2 schema 2 that
 * kubeattest acts on.
 */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /** A zstd-compressed layer. */
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

  /** A zstd-compressed layer that registries may refuse to store (deprecated in OCI 1.1). */
  public static final String OCI_NONDISTRIBUTABLE_LAYER_ZSTD =
      "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

  /** Everything a manifest GET accepts, for the {@code Accept} header. */
  public static final String ACCEPT =
      String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);

  private MediaTypes() {}

  /** Whether a layer of {@code mediaType} is declared zstd-compressed. */
  public static boolean isZstdLayer(String mediaType) {
    return mediaType.equals(OCI_LAYER_ZSTD) || mediaType.equals(OCI_NONDISTRIBUTABLE_LAYER_ZSTD);
  }

  /** Whether {@code mediaType} is an index (a list of per-platform manifests). */
  public static boolean isIndex(String mediaType) {
    return INDEXES.contains(mediaType);
  }
}
