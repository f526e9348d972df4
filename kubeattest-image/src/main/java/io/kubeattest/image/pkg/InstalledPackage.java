package io.kubeattest.image.pkg;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One installed package, as its package database or metadata file describes it.
 *
 * <p>The version fields mirror the package manager's own: for RPM, {@code version} and {@code
 * release} are the VERSION and RELEASE tags and {@code epoch} the EPOCH tag; for dpkg the {@code
 * Version} field is split the same way (epoch before {@code :}, Debian revision after the last
 * {@code -}); other ecosystems carry their whole version in {@code version}. {@link #fullVersion()}
 * gives the comparable version string back.
 *
 * <p>Names are the ecosystem's own: Maven {@code groupId:artifactId}, npm {@code @scope/name}, Go
 * module paths, Python distribution names as written in the metadata.
 *
 * @param type the package type (the ecosystem it comes from, as a purl type)
 * @param name the package name
 * @param version the version (without epoch and release where the ecosystem has those)
 * @param epoch the epoch, or null when the package has none
 * @param release the RPM release or Debian revision, or null
 * @param arch the architecture, or null when unknown or meaningless
 * @param sourceName the source package (dpkg {@code Source}, or the package itself when that is
 *     absent; RPM SOURCERPM; apk origin), or null
 * @param sourceVersion the source package version, or null (dpkg: the full version string, epoch
 *     included)
 * @param sourceRelease the source package release (RPM only), or null
 * @param licence the declared licence, or null
 * @param location the path (in the image, or in an archive inside it) the package was read from
 */
public record InstalledPackage(
    PackageType type,
    String name,
    String version,
    @Nullable Integer epoch,
    @Nullable String release,
    @Nullable String arch,
    @Nullable String sourceName,
    @Nullable String sourceVersion,
    @Nullable String sourceRelease,
    @Nullable String licence,
    String location) {

  public InstalledPackage {
    Objects.requireNonNull(type, "type");
    requireText(name, "name");
    requireText(version, "version");
    requireText(location, "location");
    if (type == PackageType.MAVEN
        && (name.indexOf(':') <= 0
            || name.indexOf(':') != name.lastIndexOf(':')
            || name.endsWith(":"))) {
      throw new IllegalArgumentException("a Maven name is groupId:artifactId, not " + name);
    }
    if (epoch != null && epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative: " + epoch);
    }
  }

  /** Starts a package with its required parts; the optional parts are null until set. */
  public static Builder builder(PackageType type, String name, String version, String location) {
    return new Builder(type, name, version, location);
  }

  /**
   * The version as the package manager compares it: {@code [epoch:]version[-release]} for RPM and
   * dpkg, {@code version} elsewhere.
   */
  public String fullVersion() {
    StringBuilder full = new StringBuilder();
    if (epoch != null) {
      full.append(epoch).append(':');
    }
    full.append(version);
    if (release != null) {
      full.append('-').append(release);
    }
    return full.toString();
  }

  /**
   * The package URL, canonical form. OS packages take their namespace from {@code distro} (Debian
   * and Alpine fall back to {@code debian} and {@code alpine}) and carry {@code arch}, {@code
   * epoch}, {@code distro} and {@code upstream} (source package) qualifiers. Go module paths come
   * out lower-cased (packageurl-java does that); {@link #name()} keeps their case.
   *
   * @param distro the operating system of the image, or null when unknown
   */
  public String purl(@Nullable Distro distro) {
    PackageURLBuilder purl = PackageURLBuilder.aPackageURL().withType(type.purlType());
    switch (type) {
      case DEB, APK, RPM -> osPurl(purl, distro);
      case MAVEN -> splitName(purl, name.lastIndexOf(':')).withVersion(version);
      case NPM ->
          splitName(purl, name.startsWith("@") ? name.indexOf('/') : -1).withVersion(version);
      case GOLANG -> splitName(purl, name.lastIndexOf('/')).withVersion(version);
      case PYPI -> purl.withName(normalisedPythonName(name)).withVersion(version);
    }
    try {
      return purl.build().canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new PackageReadException(
          "cannot build a purl for "
              + name
              + " "
              + version
              + " from "
              + location
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void osPurl(PackageURLBuilder purl, @Nullable Distro distro) {
    String namespace =
        distro != null
            ? distro.id()
            : switch (type) {
              case DEB -> "debian";
              case APK -> "alpine";
              default -> null;
            };
    purl.withNamespace(namespace).withName(name);
    purl.withVersion(release == null ? version : version + "-" + release);
    if (arch != null) {
      purl.withQualifier("arch", arch);
    }
    if (epoch != null && epoch != 0) {
      purl.withQualifier("epoch", Integer.toString(epoch));
    }
    if (distro != null) {
      purl.withQualifier("distro", distro.qualifier());
    }
    String upstream = upstream();
    if (upstream != null) {
      purl.withQualifier("upstream", upstream);
    }
  }

  private @Nullable String upstream() {
    if (sourceName == null) {
      return null;
    }
    if (type == PackageType.RPM) {
      if (sourceVersion == null || sourceRelease == null) {
        return sourceName;
      }
      return sourceName + "-" + sourceVersion + "-" + sourceRelease + ".src.rpm";
    }
    if (sourceVersion != null && !sourceVersion.equals(fullVersion())) {
      return sourceName + "@" + sourceVersion;
    }
    return sourceName.equals(name) ? null : sourceName;
  }

  private PackageURLBuilder splitName(PackageURLBuilder purl, int separator) {
    if (separator <= 0) {
      return purl.withName(name);
    }
    return purl.withNamespace(name.substring(0, separator)).withName(name.substring(separator + 1));
  }

  /** PEP 503: lower case, every run of {@code -}, {@code _} and {@code .} becomes one {@code -}. */
  static String normalisedPythonName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  /** Collects the optional parts of an {@link InstalledPackage}. Not thread-safe. */
  public static final class Builder {
    private final PackageType type;
    private final String name;
    private final String version;
    private final String location;
    private @Nullable Integer epoch;
    private @Nullable String release;
    private @Nullable String arch;
    private @Nullable String sourceName;
    private @Nullable String sourceVersion;
    private @Nullable String sourceRelease;
    private @Nullable String licence;

    private Builder(PackageType type, String name, String version, String location) {
      this.type = type;
      this.name = name;
      this.version = version;
      this.location = location;
    }

    public Builder epoch(@Nullable Integer value) {
      epoch = value;
      return this;
    }

    public Builder release(@Nullable String value) {
      release = blankToNull(value);
      return this;
    }

    public Builder arch(@Nullable String value) {
      arch = blankToNull(value);
      return this;
    }

    /** Sets the source package; a blank name clears it. */
    public Builder source(
        @Nullable String name, @Nullable String version, @Nullable String release) {
      sourceName = blankToNull(name);
      sourceVersion = sourceName == null ? null : blankToNull(version);
      sourceRelease = sourceName == null ? null : blankToNull(release);
      return this;
    }

    public Builder licence(@Nullable String value) {
      licence = blankToNull(value);
      return this;
    }

    public InstalledPackage build() {
      return new InstalledPackage(
          type,
          name,
          version,
          epoch,
          release,
          arch,
          sourceName,
          sourceVersion,
          sourceRelease,
          licence,
          location);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
