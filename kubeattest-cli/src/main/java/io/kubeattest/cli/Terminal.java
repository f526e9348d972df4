package io.kubeattest.cli;

import java.util.Map;

/**
 * What the CLI knows about where it prints: whether a person is watching (progress is worth
 * drawing) and whether colours are wanted (a terminal, and no {@code NO_COLOR} in the environment,
 * see no-color.org).
 */
record Terminal(boolean interactive, boolean noColorRequested) {
  // Java 17: a console exists exactly when standard input and output are a terminal. On JDK 22+
  // this needs Console.isTerminal(); the build targets 17.
  @SuppressWarnings("SystemConsoleNull")
  static Terminal detect(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return new Terminal(System.console() != null, noColor != null && !noColor.isEmpty());
  }

  /** Resolves a {@code --color} choice against this terminal. */
  boolean color(ColorChoice choice) {
    return switch (choice) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> interactive && !noColorRequested;
    };
  }

  /** The values of {@code --color}. */
  enum ColorChoice {
    AUTO,
    ALWAYS,
    NEVER
  }
}
