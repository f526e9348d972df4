package io.kubeattest.image.scan;

import io.kubeattest.image.oci.ImageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link ImageReport} into the tree the image rules read: a Kubernetes-style object of
 * kind {@code Image} (so the engine evaluates it as an {@code object} subject, unchanged). The
 * shape is documented in {@code docs/image.md}; example files of the rules use the same shape.
 * Environment values are not in the tree (it is printed as evidence): each variable carries its
 * name, whether its value is empty, and whether the value itself looks like a secret.
 */
public final class ImageFacts {
  /** The {@code apiVersion} of the facts tree. */
  public static final String API_VERSION = "kubeattest.io/v1alpha1";

  /** The {@code kind} of the facts tree. */
  public static final String KIND = "Image";

  /** Values that are secrets whatever their name: AWS access key ids, PEM private keys. */
  private static final Pattern SECRET_VALUE =
      Pattern.compile("AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----");

  private ImageFacts() {}

  /**
   * The facts tree of {@code report}, with {@code image.ageDays} counted up to {@code now}.
   *
   * @throws IllegalArgumentException when the report has no config (it came from an SBOM)
   */
  public static Map<String, @Nullable Object> tree(ImageReport report, Instant now) {
    ImageConfig config = report.config();
    HardeningFacts hardening = report.hardening();
    if (config == null || hardening == null) {
      throw new IllegalArgumentException(report.name() + " has no image config to judge");
    }
    Map<String, @Nullable Object> tree = new LinkedHashMap<>();
    tree.put("apiVersion", API_VERSION);
    tree.put("kind", KIND);
    tree.put("metadata", Map.of("name", report.name()));
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("reference", report.name());
    if (report.tag() != null) {
      image.put("tag", report.tag());
    }
    if (report.manifestDigest() != null) {
      image.put("digest", report.manifestDigest().value());
    }
    if (config.created() != null) {
      image.put("created", config.created().toString());
      image.put("ageDays", Math.max(0, Duration.between(config.created(), now).toDays()));
    }
    tree.put("image", image);
    tree.put("config", config(config));
    if (report.distro() != null) {
      Map<String, Object> os = new LinkedHashMap<>();
      os.put("id", report.distro().id());
      if (report.distro().versionId() != null) {
        os.put("versionId", report.distro().versionId());
      }
      tree.put("os", os);
    }
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("shells", hardening.shells());
    files.put("packageManagers", hardening.packageManagers());
    files.put(
        "setuid",
        hardening.specialFiles().stream()
            .map(
                f -> Map.<String, Object>of("path", f.path(), "mode", f.mode(), "layer", f.layer()))
            .toList());
    files.put(
        "secrets",
        hardening.secrets().stream()
            .map(
                s -> Map.<String, Object>of("path", s.path(), "kind", s.kind(), "layer", s.layer()))
            .toList());
    tree.put("files", files);
    Map<String, Integer> byType = new TreeMap<>();
    report.packages().forEach(p -> byType.merge(p.installed().type().purlType(), 1, Integer::sum));
    tree.put("packages", Map.of("count", report.packages().size(), "byType", byType));
    return tree;
  }

  private static Map<String, Object> config(ImageConfig config) {
    Map<String, Object> tree = new LinkedHashMap<>();
    if (config.user() != null) {
      tree.put("user", config.user());
    }
    List<Map<String, Object>> env = new ArrayList<>();
    for (String entry : config.env()) {
      int eq = entry.indexOf('=');
      String value = eq < 0 ? "" : entry.substring(eq + 1);
      env.add(
          Map.of(
              "name", eq < 0 ? entry : entry.substring(0, eq),
              "empty", value.isBlank(),
              "secretValue", SECRET_VALUE.matcher(value).find()));
    }
    tree.put("env", env);
    List<Map<String, Object>> ports = new ArrayList<>();
    for (String port : config.exposedPorts()) {
      int slash = port.indexOf('/');
      String number = slash < 0 ? port : port.substring(0, slash);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("port", number.matches("\\d{1,5}") ? Integer.parseInt(number) : -1);
      p.put("protocol", slash < 0 ? "tcp" : port.substring(slash + 1));
      ports.add(p);
    }
    tree.put("exposedPorts", ports);
    if (config.healthcheck() != null) {
      tree.put("healthcheck", config.healthcheck());
    }
    tree.put("labels", config.labels());
    tree.put("entrypoint", config.entrypoint());
    tree.put("cmd", config.cmd());
    return tree;
  }
}
