package io.kubeattest.image.pkg;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an installed Python distribution from its core metadata: {@code *.dist-info/METADATA}
 * (wheels, pip) or {@code *.egg-info/PKG-INFO} (setuptools; also a bare {@code *.egg-info} file).
 * {@code Name} and {@code Version} are required; the licence is {@code License-Expression}, else a
 * one-line {@code License} other than {@code UNKNOWN}. The name is kept as written; the purl
 * normalises it (PEP 503).
 */
public final class PythonMetadataReader implements PackageDatabaseReader {
  private static final int MAX_BYTES = 8 << 20;
  private static final Pattern METADATA =
      Pattern.compile(
          "(^|/)[^/]+\\.dist-info/METADATA$|(^|/)[^/]+\\.egg-info/PKG-INFO$|(^|/)[^/]+\\.egg-info$");

  @Override
  public boolean accepts(String path) {
    return METADATA.matcher(path).find();
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    String text =
        new String(BoundedInput.readAll(content, MAX_BYTES, location), StandardCharsets.UTF_8);
    Map<String, String> header = ControlFileParser.header(text, location);
    String name = header.get("Name");
    String version = header.get("Version");
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new PackageReadException(
          location + ": Python metadata without a Name and a Version header");
    }
    return List.of(
        InstalledPackage.builder(PackageType.PYPI, name, version, location)
            .licence(licence(header))
            .build());
  }

  private static @Nullable String licence(Map<String, String> header) {
    String expression = header.get("License-Expression");
    if (expression != null && !expression.isBlank()) {
      return expression;
    }
    String licence = header.get("License");
    if (licence == null || licence.contains("\n") || licence.equalsIgnoreCase("UNKNOWN")) {
      return null;
    }
    return licence;
  }
}
