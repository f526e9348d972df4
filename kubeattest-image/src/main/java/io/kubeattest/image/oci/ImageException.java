package io.kubeattest.image.oci;

import io.kubeattest.engine.KubeattestException;

/**
 * An image cannot be read: a registry error, a malformed manifest, a blob whose digest does not
 * match, a layer over a safety limit. The message is one line naming the image or blob.
 */
public final class ImageException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
