package io.kubeattest.engine;

/**
 * The root of every exception kubeattest throws on purpose. Its message is one line that names the
 * bad value and what was expected; front ends print it as it is.
 */
public class KubeattestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KubeattestException(String message) {
    super(message);
  }

  public KubeattestException(String message, Throwable cause) {
    super(message, cause);
  }
}
