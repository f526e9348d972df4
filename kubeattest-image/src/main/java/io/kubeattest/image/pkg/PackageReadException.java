package io.kubeattest.image.pkg;

import io.kubeattest.engine.KubeattestException;

/**
 * A package database or metadata file cannot be read. The message is one line that names the file
 * (its location in the image) and what was expected there.
 */
public final class PackageReadException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  public PackageReadException(String message) {
    super(message);
  }

  public PackageReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
