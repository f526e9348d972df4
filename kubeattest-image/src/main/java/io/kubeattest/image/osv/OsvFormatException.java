package io.kubeattest.image.osv;

import io.kubeattest.engine.KubeattestException;

/** An OSV document cannot be read or holds a value the schema does not allow; names the source. */
public final class OsvFormatException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  public OsvFormatException(String message) {
    super(message);
  }

  public OsvFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
