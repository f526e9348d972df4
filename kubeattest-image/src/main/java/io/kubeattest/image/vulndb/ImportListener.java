package io.kubeattest.image.vulndb;

/** Hears what an import skipped. The command line prints it; libraries never print. */
@FunctionalInterface
public interface ImportListener {
  /** A file, archive entry or download was skipped; {@code message} is one line naming it. */
  void warning(String message);
}
