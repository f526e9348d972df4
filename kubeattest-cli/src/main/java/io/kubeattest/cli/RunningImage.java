package io.kubeattest.cli;

import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ImageException;
import org.jspecify.annotations.Nullable;

/**
 * The image one container of a pod runs: the name its pod spec gives, and the registry digest the
 * pod's status reports for it ({@code imageID}) when there is one.
 *
 * @param name the image as the pod spec names it
 * @param digest the registry (repository) digest the runtime pulled, or null
 * @param byTag why there is no digest (empty when there is one): no image id yet, or one that names
 *     no registry digest
 */
record RunningImage(String name, @Nullable Digest digest, String byTag) {
  private static final String LOCAL_ID =
      "the runtime reports a local image id, not a registry digest (";

  /**
   * Reads {@code imageId}, a container status's {@code status.containerStatuses[].imageID}: {@code
   * docker-pullable://repo@sha256:...} and {@code repo@sha256:...} carry the repository digest;
   * {@code docker://sha256:...} and a bare {@code sha256:...} are the image's local id (the digest
   * of its config, which no registry serves by), so the image is then named by {@code name}, as is
   * any other value.
   */
  static RunningImage of(String name, @Nullable String imageId) {
    if (imageId == null || imageId.isBlank()) {
      return new RunningImage(name, null, "the pod reports no image id yet");
    }
    int scheme = imageId.indexOf("://");
    String id = scheme < 0 ? imageId : imageId.substring(scheme + 3);
    int at = id.lastIndexOf('@');
    if (at < 0) {
      return new RunningImage(
          name,
          null,
          id.startsWith("sha256:")
              ? LOCAL_ID + id + ")"
              : "the image id '" + imageId + "' names no registry digest");
    }
    try {
      return new RunningImage(name, Digest.parse(id.substring(at + 1)), "");
    } catch (ImageException e) {
      return new RunningImage(name, null, "the image id '" + imageId + "' names no valid digest");
    }
  }

  /**
   * What to scan: the spec's repository at the digest ({@code registry/repo@sha256:...}), or the
   * name as the spec gives it when there is no digest.
   *
   * <p>The repository is the spec's, not the one in the image id: the spec says where the workload
   * pulls from, which is where the user's credentials and network reach; the runtime reports the
   * same repository in the usual case (only normalised: {@code docker.io/library/nginx} for {@code
   * nginx}), and a digest is the hash of the content, so a pod that pulled by this name finds the
   * same manifest there.
   */
  String reference() {
    return digest == null ? name : repository(name) + "@" + digest;
  }

  /**
   * {@code name} without its digest and its tag: {@code host:5000/team/app:1.0} -> {@code
   * host:5000/team/app}.
   */
  static String repository(String name) {
    String result = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
    int colon = result.lastIndexOf(':');
    return colon > result.lastIndexOf('/') ? result.substring(0, colon) : result;
  }
}
