package io.kubeattest.cli;

import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.scan.ScanEvent;
import io.kubeattest.engine.scan.ScanListener;
import java.io.PrintWriter;

/**
 * Renders scan events on standard error: input errors always, skip notes unless quiet, and a
 * progress counter when a person is watching.
 */
final class ProgressPrinter implements ScanListener {
  private static final int EVERY = 250;

  private final PrintWriter err;
  private final boolean quiet;
  private final boolean interactive;
  private boolean progressShown;

  ProgressPrinter(PrintWriter err, boolean quiet, boolean interactive) {
    this.err = err;
    this.quiet = quiet;
    this.interactive = interactive;
  }

  @Override
  public void on(ScanEvent event) {
    if (event instanceof ScanEvent.InputNoted noted) {
      InputNote note = noted.note();
      if (note.kind() == InputNote.Kind.ERROR) {
        clearProgress();
        err.println("error: " + note.line());
      } else if (!quiet) {
        clearProgress();
        err.println("note: " + note.line());
      }
    } else if (event instanceof ScanEvent.ObjectEvaluated evaluated
        && interactive
        && !quiet
        && evaluated.total() % EVERY == 0) {
      err.print("\revaluated " + evaluated.total() + " objects");
      err.flush();
      progressShown = true;
    }
  }

  /** Draws "listed N pods" while a source reads a cluster, when a person is watching. */
  void listed(String what, int count) {
    if (interactive && !quiet) {
      err.print("\r\u001b[2Klisted " + count + " " + what);
      err.flush();
      progressShown = true;
    }
  }

  /** Erases the progress line, if one is drawn. */
  void clearProgress() {
    if (progressShown) {
      err.print("\r\u001b[2K");
      err.flush();
      progressShown = false;
    }
  }
}
