package io.kubeattest.engine.scan;

/** Receives {@link ScanEvent}s on the scanning thread. Implementations must not throw. */
@FunctionalInterface
public interface ScanListener {
  /** A listener that ignores everything. */
  ScanListener NONE = event -> {};

  void on(ScanEvent event);
}
