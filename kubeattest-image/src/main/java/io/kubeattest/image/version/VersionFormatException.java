package io.kubeattest.image.version;

import io.kubeattest.engine.KubeattestException;

/**
 * A version string cannot be read under the ordering of its ecosystem. The message names the
 * version, the ecosystem or ordering, and what was expected.
 */
public final class VersionFormatException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  private final String version;
  private final String expected;

  VersionFormatException(String version, String ordering, String expected) {
    super("invalid " + ordering + " version '" + version + "': " + expected);
    this.version = version;
    this.expected = expected;
  }

  /** The version string that could not be read. */
  public String version() {
    return version;
  }

  /** The same failure, named after another ordering or ecosystem. */
  VersionFormatException renamed(String ordering) {
    return new VersionFormatException(version, ordering, expected);
  }
}
