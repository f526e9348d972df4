package io.kubeattest.image.match;

import io.kubeattest.image.osv.PackageQuery;
import io.kubeattest.image.pkg.Distro;
import io.kubeattest.image.pkg.InstalledPackage;
import io.kubeattest.image.version.Ecosystem;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns an installed package into the OSV query its advisories are keyed by:
 *
 * <ul>
 *   <li>dpkg (Debian, Ubuntu) and apk (Alpine, Wolfi, Chainguard): the <em>source</em> package's
 *       name and version, since those distributions publish advisories per source package; the
 *       release from the distro's {@code VERSION_ID};
 *   <li>RPM (Red Hat, Rocky, AlmaLinux, SUSE, openSUSE, Mariner, Azure Linux, Photon, openEuler):
 *       the binary package name and {@code epoch:version-release} (epoch 0 when the package has
 *       none);
 *   <li>Maven {@code groupId:artifactId}, npm, PyPI (normalised when compared) and Go module paths
 *       by name, Go versions without their {@code v}.
 * </ul>
 *
 * A package of a distribution without OSV advisories (Fedora, Amazon Linux, ...) or a Go module at
 * {@code (devel)} gives no query. Stateless and thread-safe.
 */
public final class EcosystemMapper {
  private static final Map<String, Ecosystem> RPM_DISTROS =
      Map.ofEntries(
          Map.entry("rhel", Ecosystem.RED_HAT),
          Map.entry("centos", Ecosystem.RED_HAT),
          Map.entry("rocky", Ecosystem.ROCKY_LINUX),
          Map.entry("almalinux", Ecosystem.ALMALINUX),
          Map.entry("sles", Ecosystem.SUSE),
          Map.entry("sles_sap", Ecosystem.SUSE),
          Map.entry("sle-micro", Ecosystem.SUSE),
          Map.entry("opensuse", Ecosystem.OPENSUSE),
          Map.entry("opensuse-leap", Ecosystem.OPENSUSE),
          Map.entry("opensuse-tumbleweed", Ecosystem.OPENSUSE),
          Map.entry("mariner", Ecosystem.MARINER),
          Map.entry("azurelinux", Ecosystem.AZURE_LINUX),
          Map.entry("photon", Ecosystem.PHOTON_OS),
          Map.entry("openeuler", Ecosystem.OPENEULER));

  private static final Map<String, Ecosystem> APK_DISTROS =
      Map.of(
          "alpine", Ecosystem.ALPINE, "wolfi", Ecosystem.WOLFI, "chainguard", Ecosystem.CHAINGUARD);

  /** The query for {@code pkg}, or empty when no OSV ecosystem covers it. */
  public Optional<PackageQuery> queryFor(InstalledPackage pkg, @Nullable Distro distro) {
    String release = distro == null ? null : distro.versionId();
    return switch (pkg.type()) {
      case DEB -> {
        Ecosystem ecosystem =
            distro == null || distro.id().equals("debian")
                ? Ecosystem.DEBIAN
                : distro.id().equals("ubuntu") ? Ecosystem.UBUNTU : null;
        yield ecosystem == null ? Optional.empty() : Optional.of(bySource(pkg, ecosystem, release));
      }
      case APK -> {
        Ecosystem ecosystem = distro == null ? Ecosystem.ALPINE : APK_DISTROS.get(distro.id());
        yield ecosystem == null ? Optional.empty() : Optional.of(bySource(pkg, ecosystem, release));
      }
      case RPM -> {
        Ecosystem ecosystem = distro == null ? null : RPM_DISTROS.get(distro.id());
        yield ecosystem == null
            ? Optional.empty()
            : Optional.of(new PackageQuery(ecosystem, release, pkg.name(), rpmVersion(pkg)));
      }
      case MAVEN -> Optional.of(PackageQuery.of(Ecosystem.MAVEN, pkg.name(), pkg.version()));
      case NPM -> Optional.of(PackageQuery.of(Ecosystem.NPM, pkg.name(), pkg.version()));
      case PYPI -> Optional.of(PackageQuery.of(Ecosystem.PYPI, pkg.name(), pkg.version()));
      case GOLANG -> goQuery(pkg);
    };
  }

  private static PackageQuery bySource(
      InstalledPackage pkg, Ecosystem ecosystem, @Nullable String release) {
    String name = pkg.sourceName() == null ? pkg.name() : pkg.sourceName();
    String version = pkg.sourceVersion() == null ? pkg.fullVersion() : pkg.sourceVersion();
    return new PackageQuery(ecosystem, release, name, version);
  }

  private static String rpmVersion(InstalledPackage pkg) {
    int epoch = pkg.epoch() == null ? 0 : pkg.epoch();
    String release = pkg.release() == null ? "" : "-" + pkg.release();
    return epoch + ":" + pkg.version() + release;
  }

  private static Optional<PackageQuery> goQuery(InstalledPackage pkg) {
    String version = pkg.version();
    if (version.startsWith("(")) {
      return Optional.empty();
    }
    if (version.startsWith("v") || version.startsWith("go")) {
      version = version.substring(version.startsWith("v") ? 1 : 2);
    }
    return version.isBlank()
        ? Optional.empty()
        : Optional.of(PackageQuery.of(Ecosystem.GO, pkg.name(), version));
  }
}
