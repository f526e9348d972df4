package io.kubeattest.report;

import io.kubeattest.engine.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Renders a scan result in one format. Implementations are stateless and thread-safe. */
public interface Reporter {
  /** Writes {@code result} to {@code out}; does not close it. */
  void write(ScanResult result, Writer out) throws IOException;

  /**
   * Writes {@code result} to {@code out} as UTF-8; does not close it. Reporters whose output is
   * large override this to skip the character stage.
   */
  default void write(ScanResult result, java.io.OutputStream out) throws IOException {
    Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
    write(result, writer);
    writer.flush();
  }
}
