package io.kubeattest.image.match;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import io.kubeattest.engine.tree.YamlReader;
import io.kubeattest.image.pkg.Distro;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The vulnerabilities a user decided to accept, read from a YAML ignore file (VEX-style: id,
 * package, reason, expiry). The file is either a list of entries or a map with an {@code ignore}
 * list (and optionally {@code apiVersion: kubeattest.io/v1alpha1} and {@code kind: IgnoreList}):
 *
 * <pre>
 * - id: CVE-2023-5678
 *   package: pkg:deb/debian/libssl3   # optional: a purl or a package name
 *   reason: no TLS server in this image
 *   expires: 2026-12-31               # optional: the last day it applies
 * </pre>
 */
public record IgnoreList(List<IgnoreEntry> entries) {
  private static final Set<String> FIELDS = Set.of("id", "package", "reason", "expires");

  public IgnoreList {
    entries = List.copyOf(entries);
  }

  /** An empty list. */
  public static IgnoreList none() {
    return new IgnoreList(List.of());
  }

  /**
   * Reads an ignore file.
   *
   * @throws InputException naming the file and line of the first bad entry, or the file if it
   *     cannot be read or is not YAML
   */
  public static IgnoreList read(Path file) {
    List<YamlDocument> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new YamlReader(YamlLimits.DEFAULT).read(file.toString(), reader, documents::add);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the ignore file: " + e.getMessage(), e);
    }
    List<IgnoreEntry> entries = new ArrayList<>();
    for (YamlDocument document : documents) {
      entries.addAll(entries(file, document));
    }
    return new IgnoreList(entries);
  }

  private static List<IgnoreEntry> entries(Path file, YamlDocument document) {
    Object root = document.root();
    FieldPath base = FieldPath.root();
    if (root == null) {
      return List.of();
    }
    if (root instanceof Map<?, ?> map) {
      Object kind = map.get("kind");
      if (kind != null && !"IgnoreList".equals(kind)) {
        throw bad(document, base.key("kind"), "kind is " + kind + ", expected IgnoreList");
      }
      root = map.get("ignore");
      base = base.key("ignore");
      if (root == null) {
        return List.of();
      }
    }
    if (!(root instanceof List<?> list)) {
      throw new InputException(
          file + ": an ignore file is a list of {id, package, reason, expires} entries");
    }
    List<IgnoreEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      FieldPath at = base.index(i);
      if (!(list.get(i) instanceof Map<?, ?> entry)) {
        throw bad(document, at, "an entry is a map with id, reason, and optionally package");
      }
      for (Object key : entry.keySet()) {
        if (!FIELDS.contains(String.valueOf(key))) {
          throw bad(
              document, at.key(String.valueOf(key)), "unknown field '" + key + "' in an entry");
        }
      }
      String id = required(document, entry, at, "id");
      String reason = required(document, entry, at, "reason");
      String pkg = text(document, entry, at, "package");
      String expires = text(document, entry, at, "expires");
      LocalDate date = null;
      if (expires != null) {
        try {
          date = LocalDate.parse(expires);
        } catch (DateTimeParseException e) {
          throw bad(
              document, at.key("expires"), "expires '" + expires + "' is not a YYYY-MM-DD date");
        }
      }
      SourceLocation where = document.positions().locate(at);
      entries.add(new IgnoreEntry(id, pkg, reason, date, where == null ? document.start() : where));
    }
    return entries;
  }

  private static String required(
      YamlDocument document, Map<?, ?> entry, FieldPath at, String field) {
    String value = text(document, entry, at, field);
    if (value == null) {
      throw bad(document, at, "an ignore entry needs '" + field + "'");
    }
    return value;
  }

  private static @Nullable String text(
      YamlDocument document, Map<?, ?> entry, FieldPath at, String field) {
    Object value = entry.get(field);
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw bad(document, at.key(field), "'" + field + "' must be text");
    }
    return String.valueOf(value).strip();
  }

  private static InputException bad(YamlDocument document, FieldPath at, String problem) {
    SourceLocation where = document.positions().locateNearest(at);
    return new InputException((where == null ? document.start() : where) + ": " + problem);
  }

  /**
   * The entry that applies to {@code match}: the first unexpired entry that covers it, else the
   * first expired one (which no longer applies, but is named in the finding).
   */
  public Optional<IgnoreEntry> find(
      VulnerabilityMatch match, @Nullable Distro distro, LocalDate today) {
    IgnoreEntry expired = null;
    for (IgnoreEntry entry : entries) {
      if (entry.covers(match, distro)) {
        if (!entry.isExpired(today)) {
          return Optional.of(entry);
        }
        if (expired == null) {
          expired = entry;
        }
      }
    }
    return Optional.ofNullable(expired);
  }

  /** The entries whose expiry date has passed on {@code today}. */
  public List<IgnoreEntry> expired(LocalDate today) {
    return entries.stream().filter(e -> e.isExpired(today)).toList();
  }
}
