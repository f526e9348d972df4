package io.kubeattest.image.version;

import java.util.Locale;
import java.util.Optional;

/**
 * A package ecosystem as OSV names it, with the version ordering its packages use. OSV qualifies
 * distribution ecosystems with a release after a colon ({@code Debian:12}, {@code Alpine:v3.19},
 * {@code Ubuntu:22.04:LTS}, {@code Red Hat:enterprise_linux:9::appstream}); {@link #fromOsvName}
 * reads the ecosystem from such names and {@link #osvRelease} the release.
 */
public enum Ecosystem {
  DEBIAN("Debian", VersionScheme.DPKG),
  UBUNTU("Ubuntu", VersionScheme.DPKG),
  ALPINE("Alpine", VersionScheme.APK),
  WOLFI("Wolfi", VersionScheme.APK),
  CHAINGUARD("Chainguard", VersionScheme.APK),
  RED_HAT("Red Hat", VersionScheme.RPM),
  ROCKY_LINUX("Rocky Linux", VersionScheme.RPM),
  ALMALINUX("AlmaLinux", VersionScheme.RPM),
  SUSE("SUSE", VersionScheme.RPM),
  OPENSUSE("openSUSE", VersionScheme.RPM),
  MARINER("Mariner", VersionScheme.RPM),
  AZURE_LINUX("Azure Linux", VersionScheme.RPM),
  PHOTON_OS("Photon OS", VersionScheme.RPM),
  OPENEULER("openEuler", VersionScheme.RPM),
  MAVEN("Maven", VersionScheme.MAVEN),
  NPM("npm", VersionScheme.SEMVER),
  PYPI("PyPI", VersionScheme.PEP440),
  GO("Go", VersionScheme.SEMVER),
  CRATES_IO("crates.io", VersionScheme.SEMVER),
  HEX("Hex", VersionScheme.SEMVER),
  RUBYGEMS("RubyGems", VersionScheme.RUBYGEMS),
  NUGET("NuGet", VersionScheme.NUGET),
  PACKAGIST("Packagist", VersionScheme.COMPOSER),
  PUB("Pub", VersionScheme.PUB),
  CRAN("CRAN", VersionScheme.CRAN),
  HACKAGE("Hackage", VersionScheme.HACKAGE);

  private final String osvName;
  private final VersionScheme scheme;

  Ecosystem(String osvName, VersionScheme scheme) {
    this.osvName = osvName;
    this.scheme = scheme;
  }

  /** The ecosystem's name in OSV records, without a release ({@code "Red Hat"}). */
  public String osvName() {
    return osvName;
  }

  /** The version ordering of this ecosystem's packages. */
  public VersionScheme scheme() {
    return scheme;
  }

  /**
   * Compares two versions of a package of this ecosystem.
   *
   * @return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}
   * @throws VersionFormatException naming the version and this ecosystem if either cannot be read
   */
  public int compare(String a, String b) {
    try {
      return scheme.compare(a, b);
    } catch (VersionFormatException e) {
      throw e.renamed(osvName + " (" + scheme.label() + ")");
    }
  }

  /**
   * The ecosystem of an OSV ecosystem name, ignoring any {@code :release} suffix and case; empty
   * for ecosystems this project does not order (GIT-only, Linux, OSS-Fuzz, ...).
   */
  public static Optional<Ecosystem> fromOsvName(String name) {
    String base = baseName(name).toLowerCase(Locale.ROOT);
    for (Ecosystem e : values()) {
      if (e.osvName.toLowerCase(Locale.ROOT).equals(base)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The release part of an OSV ecosystem name: {@code "12"} for {@code Debian:12}, {@code "v3.19"}
   * for {@code Alpine:v3.19}, {@code "22.04:LTS"} for {@code Ubuntu:22.04:LTS}; empty without one.
   */
  public static Optional<String> osvRelease(String name) {
    int colon = name.indexOf(':');
    if (colon < 0 || colon == name.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(name.substring(colon + 1).strip());
  }

  private static String baseName(String name) {
    int colon = name.indexOf(':');
    return (colon < 0 ? name : name.substring(0, colon)).strip();
  }
}
