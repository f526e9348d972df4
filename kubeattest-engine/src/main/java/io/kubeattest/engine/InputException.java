package io.kubeattest.engine;

/** An input (file, stream, document) cannot be read. The message names the input. */
public final class InputException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
