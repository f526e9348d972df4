package io.kubeattest.image.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.pkg.Distro;
import io.kubeattest.image.pkg.InstalledPackage;
import io.kubeattest.image.pkg.PackageType;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CycloneDX JSON SBOM (any tool's) into an {@link ImageReport} without config or hardening:
 * one package per component whose purl has a type kubeattest knows (deb, apk, rpm, maven, npm,
 * pypi, golang), nested components included. Other components are counted in a warning. The OS
 * comes from an {@code operating-system} component, else from the first OS purl's {@code distro}
 * qualifier. Thread-safe.
 */
public final class CycloneDxReader {
  /** The largest SBOM accepted: 256 MiB. */
  public static final long MAX_BYTES = 256L << 20;

  /**
   * Reads the SBOM at {@code file}.
   *
   * @throws ImageException naming the file when it is too large or not a CycloneDX JSON document
   */
  public ImageReport read(Path file) {
    Bom bom;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ImageException(file + ": SBOM larger than the limit of " + MAX_BYTES + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bom = new JsonParser().parse(in);
      }
    } catch (ParseException e) {
      throw new ImageException(
          file + ": not a CycloneDX JSON SBOM: " + firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new ImageException(file + ": cannot be read: " + e.getMessage(), e);
    }
    List<Component> all = new ArrayList<>();
    flatten(bom.getComponents(), all, 0);
    Distro distro = null;
    for (Component c : all) {
      if (c.getType() == Component.Type.OPERATING_SYSTEM
          && c.getName() != null
          && !c.getName().isBlank()) {
        distro = new Distro(c.getName(), c.getVersion());
        break;
      }
    }
    List<ImagePackage> packages = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int unknown = 0;
    String name =
        bom.getMetadata() != null
                && bom.getMetadata().getComponent() != null
                && bom.getMetadata().getComponent().getName() != null
            ? bom.getMetadata().getComponent().getName()
            : file.toString();
    for (Component c : all) {
      String purl = c.getPurl();
      if (purl == null || purl.isBlank()) {
        continue;
      }
      try {
        PackageURL parsed = new PackageURL(purl);
        PackageType type = type(parsed.getType());
        if (type == null) {
          unknown++;
          continue;
        }
        if (distro == null && isOs(type)) {
          distro = distroOf(parsed);
        }
        packages.add(new ImagePackage(toPackage(type, parsed, file), parsed.canonicalize(), null));
      } catch (MalformedPackageURLException | IllegalArgumentException e) {
        warnings.add(
            file
                + ": component "
                + c.getName()
                + " has a malformed purl "
                + purl
                + ": "
                + e.getMessage());
      }
    }
    List<String> notes = new ArrayList<>();
    if (unknown > 0) {
      notes.add(
          file
              + ": "
              + unknown
              + " components have purl types kubeattest does not match (e.g. generic, github)");
    }
    return new ImageReport(
        name, null, null, null, null, distro, List.of(), packages, null, warnings, notes);
  }

  private static void flatten(
      @Nullable List<Component> components, List<Component> out, int depth) {
    if (components == null || depth > 16) {
      return;
    }
    for (Component c : components) {
      out.add(c);
      flatten(c.getComponents(), out, depth + 1);
    }
  }

  private static boolean isOs(PackageType type) {
    return type == PackageType.DEB || type == PackageType.APK || type == PackageType.RPM;
  }

  private static @Nullable PackageType type(String purlType) {
    for (PackageType type : PackageType.values()) {
      if (type.purlType().equals(purlType.toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    return null;
  }

  private static @Nullable Distro distroOf(PackageURL purl) {
    Map<String, String> qualifiers = purl.getQualifiers();
    String namespace = purl.getNamespace();
    if (namespace == null) {
      return null;
    }
    String qualifier = qualifiers == null ? null : qualifiers.get("distro");
    String version = null;
    if (qualifier != null) {
      version =
          qualifier.startsWith(namespace + "-")
              ? qualifier.substring(namespace.length() + 1)
              : qualifier;
    }
    return new Distro(namespace, version);
  }

  private static InstalledPackage toPackage(PackageType type, PackageURL purl, Path file) {
    String version = purl.getVersion();
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("no version");
    }
    String namespace = purl.getNamespace();
    String name =
        switch (type) {
          case MAVEN -> namespace + ":" + purl.getName();
          case NPM, GOLANG -> namespace == null ? purl.getName() : namespace + "/" + purl.getName();
          default -> purl.getName();
        };
    Map<String, String> qualifiers = purl.getQualifiers() == null ? Map.of() : purl.getQualifiers();
    InstalledPackage.Builder builder;
    if (type == PackageType.DEB || type == PackageType.RPM) {
      int dash = version.lastIndexOf('-');
      builder =
          InstalledPackage.builder(
                  type, name, dash > 0 ? version.substring(0, dash) : version, file.toString())
              .release(dash > 0 ? version.substring(dash + 1) : null);
      String epoch = qualifiers.get("epoch");
      if (epoch != null && epoch.matches("\\d{1,9}")) {
        builder.epoch(Integer.parseInt(epoch));
      }
    } else {
      builder = InstalledPackage.builder(type, name, version, file.toString());
    }
    builder.arch(qualifiers.get("arch"));
    String upstream = qualifiers.get("upstream");
    if (upstream != null) {
      int at = upstream.indexOf('@');
      builder.source(
          at > 0 ? upstream.substring(0, at) : upstream,
          at > 0 ? upstream.substring(at + 1) : null,
          null);
    }
    return builder.build();
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
