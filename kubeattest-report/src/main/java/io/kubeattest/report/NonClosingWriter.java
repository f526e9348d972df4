package io.kubeattest.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Passes everything through and ignores {@code close()}: reporters never close their output. */
final class NonClosingWriter extends FilterWriter {
  NonClosingWriter(Writer out) {
    super(out);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
