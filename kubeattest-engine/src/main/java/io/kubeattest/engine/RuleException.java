package io.kubeattest.engine;

/** A rule definition cannot be loaded or compiled. The message names the rule file and line. */
public final class RuleException extends KubeattestException {
  private static final long serialVersionUID = 1L;

  public RuleException(String message) {
    super(message);
  }

  public RuleException(String message, Throwable cause) {
    super(message, cause);
  }
}
