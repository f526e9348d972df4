package io.kubeattest.image.version;

import java.util.Comparator;

/**
 * One way of ordering version strings. Each constant is a {@link Comparator} over raw version
 * strings; {@link #compare} throws {@link VersionFormatException} when a string cannot be read
 * under this ordering. Comparators are stateless and thread-safe.
 */
public enum VersionScheme implements Comparator<String> {
  /** dpkg's ordering (Debian, Ubuntu): epochs, {@code ~} before everything, revisions. */
  DPKG("dpkg") {
    @Override
    public int compare(String a, String b) {
      return DpkgVersionComparator.compare(a, b);
    }
  },
  /** apk's ordering (Alpine, Wolfi, Chainguard): letters, {@code _suffix}, {@code -rN}. */
  APK("apk") {
    @Override
    public int compare(String a, String b) {
      return ApkVersionComparator.compare(a, b);
    }
  },
  /** rpmvercmp over epoch:version-release (Red Hat family, SUSE, Mariner). */
  RPM("rpm") {
    @Override
    public int compare(String a, String b) {
      return RpmVersionComparator.compare(a, b);
    }
  },
  /** SemVer 2.0 precedence, with an optional {@code v} prefix (npm, crates.io, Go). */
  SEMVER("SemVer") {
    @Override
    public int compare(String a, String b) {
      return SemverComparator.compare(a, b);
    }
  },
  /** Maven's version order specification (ComparableVersion). */
  MAVEN("Maven") {
    @Override
    public int compare(String a, String b) {
      return MavenVersionComparator.compare(a, b);
    }
  },
  /** PEP 440 (PyPI); versions outside PEP 440 sort before all PEP 440 versions. */
  PEP440("PEP 440") {
    @Override
    public int compare(String a, String b) {
      return Pep440Comparator.compare(a, b);
    }
  },
  /** Gem::Version ordering (RubyGems). */
  RUBYGEMS("RubyGems") {
    @Override
    public int compare(String a, String b) {
      return RubyGemsVersionComparator.compare(a, b);
    }
  },
  /** NuGet's SemVer with four numeric parts and case-insensitive labels. */
  NUGET("NuGet") {
    @Override
    public int compare(String a, String b) {
      return NuGetVersionComparator.compare(a, b);
    }
  },
  /** PHP's version_compare as Composer uses it (Packagist). */
  COMPOSER("Composer") {
    @Override
    public int compare(String a, String b) {
      return ComposerVersionComparator.compare(a, b);
    }
  },
  /** Dart's pub_semver: SemVer where build metadata also orders. */
  PUB("Pub") {
    @Override
    public int compare(String a, String b) {
      return PubVersionComparator.compare(a, b);
    }
  },
  /** R's package_version: integers separated by {@code .} or {@code -} (CRAN). */
  CRAN("CRAN") {
    @Override
    public int compare(String a, String b) {
      return NumericListComparator.compareCran(a, b);
    }
  },
  /** Haskell's Data.Version: dot-separated integers (Hackage). */
  HACKAGE("Hackage") {
    @Override
    public int compare(String a, String b) {
      return NumericListComparator.compareHackage(a, b);
    }
  };

  private final String label;

  VersionScheme(String label) {
    this.label = label;
  }

  /** A short human name of the ordering, as used in error messages. */
  public String label() {
    return label;
  }

  /**
   * Compares two versions under this ordering.
   *
   * @return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}
   * @throws VersionFormatException if either string cannot be read under this ordering
   */
  @Override
  public abstract int compare(String a, String b);
}
