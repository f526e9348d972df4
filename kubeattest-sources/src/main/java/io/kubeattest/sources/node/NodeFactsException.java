package io.kubeattest.sources.node;

/**
 * Thrown when node facts cannot be collected at all: the host root or the proc directory given by
 * the user is not a directory. Problems with single files or processes never throw; they become
 * error facts and collection goes on.
 */
public final class NodeFactsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the bad input and what was expected
   */
  public NodeFactsException(String message) {
    super(message);
  }
}
