package io.kubeattest.image.oci;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an image config that kubeattest uses.
 *
 * @param user the {@code User} (name, uid, {@code uid:gid}), or null when unset (root)
 * @param env the {@code Env} entries, {@code NAME=value}
 * @param exposedPorts the {@code ExposedPorts} keys, e.g. {@code 8080/tcp}
 * @param healthcheck the healthcheck test (e.g. {@code [CMD-SHELL, curl ...]}), or null when unset
 * @param created the creation time, or null when unset or unparseable
 * @param labels the {@code Labels}
 * @param diffIds the digests of the uncompressed layers, bottom first
 */
public record ImageConfig(
    @Nullable String os,
    @Nullable String architecture,
    @Nullable String user,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    @Nullable String workingDir,
    List<String> exposedPorts,
    @Nullable List<String> healthcheck,
    @Nullable Instant created,
    Map<String, String> labels,
    List<Digest> diffIds) {
  public ImageConfig {
    env = List.copyOf(env);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    exposedPorts = List.copyOf(exposedPorts);
    healthcheck = healthcheck == null ? null : List.copyOf(healthcheck);
    labels = Map.copyOf(labels);
    diffIds = List.copyOf(diffIds);
  }
}
