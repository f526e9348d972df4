package io.kubeattest.image.match;

/** Hears what matching had to pass over. The command line prints it; libraries never print. */
@FunctionalInterface
public interface MatchListener {
  /** A package or record was skipped; {@code message} is one line naming it. */
  void warning(String message);
}
