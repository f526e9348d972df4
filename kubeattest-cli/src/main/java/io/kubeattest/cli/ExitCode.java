package io.kubeattest.cli;

/** The exit codes of every command, documented in the README. */
final class ExitCode {
  /** Nothing failed at or above --fail-on, and every input was read. */
  static final int OK = 0;

  /** A finding failed at or above --fail-on. */
  static final int FINDINGS = 1;

  /** Bad usage, a rule that does not compile, or an input that could not be read. */
  static final int USAGE_OR_INPUT = 2;

  private ExitCode() {}
}
