package io.kubeattest.image.oci;

import java.util.Set;

/** The manifest and index media types of the OCI image spec and Docker's v2 schema 2. */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /** Everything a manifest GET accepts, for the {@code Accept} header. */
  public static final String ACCEPT =
      String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);

  private MediaTypes() {}

  /** Whether {@code mediaType} is an index (a list of per-platform manifests). */
  public static boolean isIndex(String mediaType) {
    return INDEXES.contains(mediaType);
  }
}
