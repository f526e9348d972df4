package io.kubeattest.engine.model;

/**
 * Something about an input that the user must hear: an input that could not be read ({@link
 * Kind#ERROR}, the rest of the scan went on) or a document that was skipped on purpose ({@link
 * Kind#SKIPPED}, for example a YAML document that is not a Kubernetes object).
 *
 * @param input the input as the user named it, with {@code :line} when known
 * @param message one line saying what happened
 */
public record InputNote(Kind kind, String input, String message) {

  /** Whether the note reports a failure to read or a deliberate skip. */
  public enum Kind {
    ERROR,
    SKIPPED
  }

  /** {@code input: message}, the one-line form printed on the terminal. */
  public String line() {
    return input + ": " + message;
  }
}
