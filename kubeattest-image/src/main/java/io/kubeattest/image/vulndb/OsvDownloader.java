package io.kubeattest.image.vulndb;

import io.kubeattest.engine.InputException;
import io.kubeattest.image.version.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Downloads OSV's per-ecosystem bulk archives ({@code BASE/<ecosystem>/all.zip}, as the OSV bucket
 * and its mirrors publish them) into a temporary directory beside the database, imports them in one
 * transaction as an {@code update}, and deletes them. An ecosystem whose download fails is reported
 * to the listener and skipped; when every download fails nothing is written. Thread-safe; the
 * database is not.
 */
public final class OsvDownloader {
  /** OSV's public bucket. */
  public static final URI OSV_BUCKET =
      URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

  /** The ecosystems of the packages kubeattest reads from images. */
  public static final List<String> DEFAULT_ECOSYSTEMS =
      List.of("Debian", "Ubuntu", "Alpine", "Red Hat", "Maven", "npm", "PyPI", "Go");

  /** The default limit on one archive's size: OSV's largest is a few hundred MB. */
  public static final long DEFAULT_MAX_ARCHIVE_BYTES = 8L << 30;

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final HttpClient client;
  private final OsvImporter importer;
  private final long maxArchiveBytes;

  /** A downloader using {@code client}, importing with {@code importer}. */
  public OsvDownloader(HttpClient client, OsvImporter importer, long maxArchiveBytes) {
    this.client = client;
    this.importer = importer;
    this.maxArchiveBytes = maxArchiveBytes;
  }

  /** A downloader with a default HTTP client (redirects followed, 30 s connect timeout). */
  public static OsvDownloader withDefaults() {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    return new OsvDownloader(client, new OsvImporter(), DEFAULT_MAX_ARCHIVE_BYTES);
  }

  /**
   * The OSV names of the ecosystems to update: those already in the database, or {@link
   * #DEFAULT_ECOSYSTEMS} when it holds none.
   */
  public static List<String> ecosystemsInUse(DatabaseStatus status) {
    return status.recordsPerEcosystem().isEmpty()
        ? DEFAULT_ECOSYSTEMS
        : List.copyOf(status.recordsPerEcosystem().keySet());
  }

  /**
   * Downloads and imports the archives of {@code ecosystems} from {@code base}.
   *
   * @param ecosystems OSV ecosystem names, case-insensitive ({@code debian}, {@code Red Hat})
   * @throws InputException if an ecosystem is unknown or {@code base} is not an http(s) URL
   * @throws VulnerabilityDatabaseException if no archive could be downloaded, or the database
   *     cannot be written
   */
  public ImportRecord update(
      VulnerabilityDatabase database, URI base, List<String> ecosystems, ImportListener listener) {
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InputException("mirror URL " + base + " is not an http or https URL");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : ecosystems) {
      Ecosystem ecosystem =
          Ecosystem.fromOsvName(name.strip())
              .orElseThrow(
                  () ->
                      new InputException(
                          "unknown ecosystem '"
                              + name
                              + "' (expected OSV names such as "
                              + String.join(", ", DEFAULT_ECOSYSTEMS)
                              + ")"));
      names.add(ecosystem.osvName());
    }
    Path directory = temporaryDirectory(database.file());
    try {
      List<Path> archives = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      long failed = 0;
      for (String name : names) {
        URI uri = archiveUri(base, name);
        Path target = directory.resolve(archives.size() + ".zip");
        try {
          download(uri, target);
          archives.add(target);
          sources.add(uri.toString());
        } catch (IOException e) {
          failed++;
          listener.warning(name + ": cannot download " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new VulnerabilityDatabaseException("download of " + uri + " interrupted", e);
        }
      }
      if (archives.isEmpty()) {
        throw new VulnerabilityDatabaseException(
            "no OSV archive could be downloaded from " + base + "; the database is unchanged");
      }
      return importer.importFiles(
          database, "update", String.join(", ", sources), archives, failed, listener);
    } finally {
      deleteRecursively(directory);
    }
  }

  /** {@code base/<ecosystem>/all.zip}, the ecosystem name percent-encoded. */
  static URI archiveUri(URI base, String ecosystem) {
    String root = base.toString();
    if (!root.endsWith("/")) {
      root = root + "/";
    }
    String segment = URLEncoder.encode(ecosystem, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(root + segment + "/all.zip");
  }

  private void download(URI uri, Path target) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
          total += n;
          if (total > maxArchiveBytes) {
            throw new IOException("larger than " + maxArchiveBytes + " bytes; refused");
          }
          out.write(buffer, 0, n);
        }
      }
    }
  }

  private static Path temporaryDirectory(Path databaseFile) {
    Path parent = databaseFile.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, ".kubeattest-download-");
      }
      return Files.createTempDirectory("kubeattest-download-");
    } catch (IOException e) {
      throw new VulnerabilityDatabaseException(
          "cannot create a download directory beside " + databaseFile + ": " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a leftover temporary file is harmless and named as such
    }
  }
}
