package io.kubeattest.sources.node;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One collection's view of the host files: stats paths once each into the {@code files} facts and
 * parses config files, turning every problem into an error fact.
 */
final class HostFiles {
  private final HostFileSystem fs;
  private final FileStatReader stats;
  private final ReadLimits limits;
  private final CollectionErrors errors;
  private final Map<String, Object> files = new LinkedHashMap<>();

  HostFiles(HostFileSystem fs, ReadLimits limits, CollectionErrors errors) {
    this.fs = fs;
    this.limits = limits;
    this.errors = errors;
    this.stats = new FileStatReader(fs, AccountNames.read(fs, limits, errors), limits, errors);
  }

  /** Adds the fact of {@code hostPath} to {@code files} unless it is there already. */
  void stat(String hostPath, boolean listEntries) {
    if (!files.containsKey(hostPath)) {
      files.put(hostPath, stats.stat(hostPath, listEntries));
    }
  }

  /** Whether the host path exists (following links inside the root). */
  boolean exists(String hostPath) {
    try {
      return fs.resolve(hostPath).exists();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Parses a YAML or JSON mapping; null when the file is missing (no error) or cannot be read or
   * parsed (error recorded, naming the path).
   */
  @Nullable Map<String, Object> readTree(String hostPath) {
    byte[] bytes = readText(hostPath);
    if (bytes == null) {
      return null;
    }
    try {
      return ConfigTreeReader.parseMapping(bytes);
    } catch (IllegalArgumentException e) {
      errors.add(hostPath, String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** The bytes of a regular file under the size limit, or null (missing, or error recorded). */
  byte @Nullable [] readText(String hostPath) {
    try {
      HostFileSystem.Resolution resolution = fs.resolve(hostPath);
      if (!resolution.exists()) {
        return null;
      }
      byte[] bytes = fs.read(resolution, limits.maxFileBytes());
      if (bytes.length > limits.maxFileBytes()) {
        errors.add(
            hostPath, "file is larger than the limit of " + limits.maxFileBytes() + " bytes");
        return null;
      }
      return bytes;
    } catch (IOException e) {
      errors.add(hostPath, "cannot read: " + e.getMessage());
      return null;
    }
  }

  /** Records a problem with {@code hostPath} under {@code errors}. */
  void problem(String hostPath, String message) {
    errors.add(hostPath, message);
  }

  /** The last problem recorded for {@code hostPath}, or null. */
  @Nullable String problemOf(String hostPath) {
    return errors.lastFor(hostPath);
  }

  Map<String, Object> facts() {
    return files;
  }
}
