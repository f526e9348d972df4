package io.kubeattest.image.pkg;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Alpine's package database {@code lib/apk/db/installed}: blank-line separated records of
 * {@code K:value} lines, of which {@code P} (name), {@code V} (version), {@code A} (architecture),
 * {@code o} (origin, the source package) and {@code L} (licence) are used. The source version is
 * the package version, since apk builds every subpackage of an origin at one version.
 */
public final class ApkInstalledReader implements PackageDatabaseReader {
  /** The largest database accepted: 64 MiB. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  @Override
  public boolean accepts(String path) {
    return path.equals("lib/apk/db/installed") || path.endsWith("/lib/apk/db/installed");
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    String text =
        new String(BoundedInput.readAll(content, MAX_BYTES, location), StandardCharsets.UTF_8);
    List<InstalledPackage> packages = new ArrayList<>();
    Map<Character, String> record = new HashMap<>();
    int lineNumber = 0;
    int recordStart = 1;
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        if (!record.isEmpty()) {
          packages.add(toPackage(record, location, recordStart));
          record.clear();
        }
        recordStart = lineNumber + 1;
      } else if (line.length() < 2 || line.charAt(1) != ':') {
        throw new PackageReadException(
            location + ": line " + lineNumber + " is not of the form 'K:value'");
      } else {
        record.putIfAbsent(line.charAt(0), line.substring(2));
      }
    }
    if (!record.isEmpty()) {
      packages.add(toPackage(record, location, recordStart));
    }
    return List.copyOf(packages);
  }

  private static InstalledPackage toPackage(
      Map<Character, String> record, String location, int line) {
    String name = record.get('P');
    String version = record.get('V');
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new PackageReadException(
          location + ": the record at line " + line + " lacks a P: (name) or V: (version) line");
    }
    return InstalledPackage.builder(PackageType.APK, name, version, location)
        .arch(record.get('A'))
        .source(record.get('o'), version, null)
        .licence(record.get('L'))
        .build();
  }
}
