package io.kubeattest.image.osv;

import java.util.Objects;

/** A link about the vulnerability: its {@code type} (ADVISORY, FIX, WEB, ...) and {@code url}. */
public record Reference(String type, String url) {
  public Reference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
  }
}
