package io.kubeattest.image.pkg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Maven artifacts in a Java archive ({@code .jar}, {@code .war}, {@code .ear}, Jenkins
 * {@code .jpi}/{@code .hpi}), streaming, without extracting it.
 *
 * <p>Every {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} gives a package (shaded jars give
 * several). An archive with none falls back to its manifest, a heuristic: {@code
 * Implementation-Vendor-Id}, {@code -Title} and {@code -Version} when all three are present, else
 * {@code Bundle-SymbolicName} split at its last dot into group and artifact, with {@code
 * Bundle-Version}; otherwise the archive gives no package of its own. Archives nested inside
 * (Spring Boot {@code BOOT-INF/lib}, {@code WEB-INF/lib}, ears) are read the same way, at most
 * {@value #MAX_DEPTH} levels deep; their location is {@code outer!/inner}. Zip bombs are refused
 * (see {@link GuardedZipInputStream}).
 */
public final class JarReader implements PackageDatabaseReader {
  /** How deep archives may nest: an ear holding a war holding jars is depth 2. */
  public static final int MAX_DEPTH = 4;

  static final int MAX_ENTRIES = 200_000;
  private static final int MAX_METADATA_BYTES = 1 << 20;
  private static final Pattern ARCHIVE = Pattern.compile(".*\\.(jar|war|ear|jpi|hpi)$");
  private static final Pattern POM_PROPERTIES =
      Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

  @Override
  public boolean accepts(String path) {
    return ARCHIVE.matcher(path.toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    List<InstalledPackage> packages = new ArrayList<>();
    try {
      readArchive(location, content, 0, packages);
    } catch (IOException e) {
      throw new PackageReadException(
          location + ": not a readable jar (zip) archive: " + e.getMessage(), e);
    }
    return List.copyOf(packages);
  }

  private void readArchive(
      String location, InputStream content, int depth, List<InstalledPackage> packages)
      throws IOException {
    int start = packages.size();
    GuardedZipInputStream zip = GuardedZipInputStream.of(content, location);
    List<InstalledPackage> own = new ArrayList<>();
    Manifest manifest = null;
    int entries = 0;
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (++entries > MAX_ENTRIES) {
        throw new PackageReadException(location + ": has more than " + MAX_ENTRIES + " entries");
      }
      String name = entry.getName();
      if (entry.isDirectory()) {
        continue;
      }
      if (POM_PROPERTIES.matcher(name).matches()) {
        InstalledPackage fromPom = fromPomProperties(metadata(zip, location, name), location);
        if (fromPom != null) {
          own.add(fromPom);
        }
      } else if (name.equals("META-INF/MANIFEST.MF")) {
        manifest = new Manifest(new ByteArrayInputStream(metadata(zip, location, name)));
      } else if (accepts(name)) {
        String nested = location + "!/" + name;
        if (depth + 1 > MAX_DEPTH) {
          throw new PackageReadException(
              nested + ": archives nest deeper than " + MAX_DEPTH + " levels; refused");
        }
        readArchive(nested, zip, depth + 1, packages);
      }
    }
    if (entries == 0) {
      throw new PackageReadException(location + ": not a jar (zip) archive, or an empty one");
    }
    if (own.isEmpty() && manifest != null) {
      InstalledPackage fromManifest = fromManifest(manifest.getMainAttributes(), location);
      if (fromManifest != null) {
        own.add(fromManifest);
      }
    }
    packages.addAll(start, own);
  }

  private static byte[] metadata(InputStream zip, String location, String name) {
    return BoundedInput.readAll(zip, MAX_METADATA_BYTES, location + "!/" + name);
  }

  private static @Nullable InstalledPackage fromPomProperties(byte[] bytes, String location)
      throws IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(bytes));
    return maven(
        properties.getProperty("groupId"),
        properties.getProperty("artifactId"),
        properties.getProperty("version"),
        location);
  }

  private static @Nullable InstalledPackage fromManifest(Attributes main, String location) {
    String vendor = main.getValue("Implementation-Vendor-Id");
    String title = main.getValue("Implementation-Title");
    String version = main.getValue("Implementation-Version");
    if (vendor != null && title != null && version != null) {
      return maven(vendor, title, version, location);
    }
    String symbolicName = main.getValue("Bundle-SymbolicName");
    if (symbolicName == null) {
      return null;
    }
    int directive = symbolicName.indexOf(';');
    String bundle = (directive < 0 ? symbolicName : symbolicName.substring(0, directive)).strip();
    int dot = bundle.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    return maven(
        bundle.substring(0, dot),
        bundle.substring(dot + 1),
        main.getValue("Bundle-Version"),
        location);
  }

  private static @Nullable InstalledPackage maven(
      @Nullable String group,
      @Nullable String artifact,
      @Nullable String version,
      String location) {
    if (group == null
        || group.isBlank()
        || artifact == null
        || artifact.isBlank()
        || version == null
        || version.isBlank()) {
      return null;
    }
    return InstalledPackage.builder(
            PackageType.MAVEN, group.strip() + ":" + artifact.strip(), version.strip(), location)
        .build();
  }
}
