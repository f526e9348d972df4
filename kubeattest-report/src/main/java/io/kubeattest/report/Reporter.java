package io.kubeattest.report;

import io.kubeattest.engine.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Renders a scan result in one format. Implementations are stateless and thread-safe. */
public interface Reporter {
  /** Writes {@code result} to {@code out}; does not close it. */
  void write(ScanResult result, Writer out) throws IOException;
}
