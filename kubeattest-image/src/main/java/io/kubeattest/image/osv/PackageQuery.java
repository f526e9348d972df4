package io.kubeattest.image.osv;

import io.kubeattest.image.version.Ecosystem;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An installed package to look up: its ecosystem, the distribution release for OS packages ({@code
 * "12"}, {@code "3.19.1"}, or null when unknown or not applicable), its name and version.
 *
 * <p>Debian, Ubuntu and Alpine advisories are keyed by <em>source</em> package (dpkg's {@code
 * Source:} field, apk's origin): for those ecosystems pass the source package's name and version.
 * PyPI names are compared after PEP 503 normalisation; all other names exactly.
 */
public record PackageQuery(
    Ecosystem ecosystem, @Nullable String release, String name, String version) {
  public PackageQuery {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (name.isBlank() || version.isBlank()) {
      throw new IllegalArgumentException("package query needs a name and a version");
    }
  }

  /** A query without a distribution release. */
  public static PackageQuery of(Ecosystem ecosystem, String name, String version) {
    return new PackageQuery(ecosystem, null, name, version);
  }
}
