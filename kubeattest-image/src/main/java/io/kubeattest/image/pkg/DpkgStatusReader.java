package io.kubeattest.image.pkg;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads dpkg's database: {@code var/lib/dpkg/status} and the per-package files of distroless images
 * in {@code var/lib/dpkg/status.d/} (their {@code .md5sums} companions are not databases).
 *
 * <p>A paragraph counts when its {@code Status} says the package is installed ({@code install ok
 * installed} or {@code hold ok installed}); distroless files have no {@code Status} and count as
 * installed. {@code Source: name (version)} gives the source package; without it, as dpkg-query
 * does, the source is the package itself at its own version. dpkg records no licence.
 */
public final class DpkgStatusReader implements PackageDatabaseReader {
  /** The largest status file accepted: 64 MiB, ten times a full desktop installation's. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private static final Pattern SOURCE = Pattern.compile("(\\S+)(?:\\s+\\((\\S+)\\))?");
  private static final Pattern STATUS_D = Pattern.compile("(^|/)var/lib/dpkg/status\\.d/[^/]+$");

  @Override
  public boolean accepts(String path) {
    return path.equals("var/lib/dpkg/status")
        || path.endsWith("/var/lib/dpkg/status")
        || (STATUS_D.matcher(path).find() && !path.endsWith(".md5sums"));
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    String text =
        new String(BoundedInput.readAll(content, MAX_BYTES, location), StandardCharsets.UTF_8);
    List<InstalledPackage> packages = new ArrayList<>();
    for (Map<String, String> paragraph : ControlFileParser.paragraphs(text, location)) {
      if (installed(paragraph.get("Status"))) {
        packages.add(toPackage(paragraph, location));
      }
    }
    return List.copyOf(packages);
  }

  private static boolean installed(@Nullable String status) {
    if (status == null) {
      return true;
    }
    String[] words = status.trim().split("\\s+", -1);
    return words.length == 3
        && (words[0].equals("install") || words[0].equals("hold"))
        && words[1].equals("ok")
        && words[2].equals("installed");
  }

  private static InstalledPackage toPackage(Map<String, String> paragraph, String location) {
    String name = required(paragraph, "Package", location);
    String version = required(paragraph, "Version", location);
    DebianVersion parsed = DebianVersion.parse(version, name, location);
    InstalledPackage.Builder builder =
        InstalledPackage.builder(PackageType.DEB, name, parsed.upstream(), location)
            .epoch(parsed.epoch())
            .release(parsed.revision())
            .arch(paragraph.get("Architecture"));
    String source = paragraph.get("Source");
    Matcher matcher = SOURCE.matcher(source == null ? "" : source.strip());
    if (matcher.matches()) {
      String sourceVersion = matcher.group(2);
      builder.source(matcher.group(1), sourceVersion == null ? version : sourceVersion, null);
    } else {
      builder.source(name, version, null);
    }
    return builder.build();
  }

  private static String required(Map<String, String> paragraph, String field, String location) {
    String value = paragraph.get(field);
    if (value == null || value.isBlank()) {
      String name = paragraph.getOrDefault("Package", "?");
      throw new PackageReadException(
          location + ": package " + name + " has no " + field + " field");
    }
    return value;
  }

  /** A Debian version split into {@code [epoch:]upstream[-revision]}. */
  record DebianVersion(@Nullable Integer epoch, String upstream, @Nullable String revision) {
    static DebianVersion parse(String version, String name, String location) {
      String rest = version.strip();
      Integer epoch = null;
      int colon = rest.indexOf(':');
      if (colon >= 0) {
        String digits = rest.substring(0, colon);
        if (!digits.matches("[0-9]{1,9}")) {
          throw new PackageReadException(
              location + ": package " + name + " has version " + version + " with a bad epoch");
        }
        epoch = Integer.parseInt(digits);
        rest = rest.substring(colon + 1);
      }
      int dash = rest.lastIndexOf('-');
      String revision = dash > 0 ? rest.substring(dash + 1) : null;
      String upstream = dash > 0 ? rest.substring(0, dash) : rest;
      if (upstream.isEmpty() || (revision != null && revision.isEmpty())) {
        throw new PackageReadException(
            location + ": package " + name + " has malformed version " + version);
      }
      return new DebianVersion(epoch, upstream, revision);
    }
  }
}
