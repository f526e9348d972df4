package io.kubeattest.engine.scan;

import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;

/** What a scan reports while it runs. Front ends render these; the engine never prints. */
public sealed interface ScanEvent {
  /** One more object was evaluated; {@code total} counts them so far. */
  record ObjectEvaluated(ObjectRef object, int total) implements ScanEvent {}

  /** An input was skipped or could not be read; the scan goes on. */
  record InputNoted(InputNote note) implements ScanEvent {}
}
