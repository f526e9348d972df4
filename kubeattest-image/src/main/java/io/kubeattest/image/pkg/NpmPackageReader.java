package io.kubeattest.image.pkg;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an installed npm package from its {@code node_modules/[@scope/]NAME/package.json}: {@code
 * name}, {@code version} and {@code license} (a string, or the {@code type} of an object or of the
 * first entry of the old {@code licenses} array). Files without a name and version (the {@code
 * {"type": "module"}} markers inside packages) and {@code private} packages give no package.
 */
public final class NpmPackageReader implements PackageDatabaseReader {
  private static final int MAX_BYTES = 4 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PACKAGE_JSON =
      Pattern.compile("(^|/)node_modules/(@[^/]+/)?[^/@][^/]*/package\\.json$");

  @Override
  public boolean accepts(String path) {
    return PACKAGE_JSON.matcher(path).find();
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    JsonNode root;
    try {
      root = JSON.readTree(BoundedInput.readAll(content, MAX_BYTES, location));
    } catch (JacksonException e) {
      throw new PackageReadException(
          location + ": not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
    } catch (java.io.IOException e) {
      throw new PackageReadException(location + ": cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new PackageReadException(location + ": expected a JSON object");
    }
    String name = text(root.get("name"));
    String version = text(root.get("version"));
    if (name == null || version == null || root.path("private").asBoolean(false)) {
      return List.of();
    }
    return List.of(
        InstalledPackage.builder(PackageType.NPM, name, version, location)
            .licence(licence(root))
            .build());
  }

  private static @Nullable String licence(JsonNode root) {
    JsonNode license = root.get("license");
    if (license == null) {
      JsonNode licenses = root.get("licenses");
      license = licenses != null && licenses.isArray() ? licenses.get(0) : null;
    }
    if (license != null && license.isObject()) {
      license = license.get("type");
    }
    return text(license);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}
