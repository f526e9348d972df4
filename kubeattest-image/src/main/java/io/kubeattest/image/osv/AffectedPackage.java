package io.kubeattest.image.osv;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The package an {@link Affected} entry is about: the OSV ecosystem name as written (possibly with
 * a release, {@code Debian:12}), the package name in that ecosystem's convention, and an optional
 * purl.
 */
public record AffectedPackage(String ecosystem, String name, @Nullable String purl) {
  public AffectedPackage {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
  }
}
