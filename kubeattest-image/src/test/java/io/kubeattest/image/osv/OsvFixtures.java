package io.kubeattest.image.osv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the OSV fixtures in {@code src/test/resources/osv}. */
final class OsvFixtures {
  private OsvFixtures() {}

  static OsvRecord load(String name) {
    try (InputStream in = OsvFixtures.class.getResourceAsStream("/osv/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new OsvParser().parse(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
