package io.kubeattest.image.fs;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Hands a tar entry to a visitor without letting it close the tar. */
final class NonClosingInputStream extends FilterInputStream {
  NonClosingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public void close() {
    // the tar stream belongs to the layer reader
  }
}
