package io.kubeattest.image.vulndb;

import io.kubeattest.engine.InputException;
import io.kubeattest.image.osv.OsvFormatException;
import io.kubeattest.image.osv.OsvParser;
import io.kubeattest.image.osv.OsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Loads OSV records into a {@link VulnerabilityDatabase}, offline: zip archives as OSV publishes
 * them ({@code <ecosystem>/all.zip}, one JSON file per record), directories (searched recursively
 * for {@code .json} and {@code .zip} files) and single JSON files. Archives are read entry by entry
 * from disk, never whole into memory; a record larger than the per-record limit is skipped unread
 * beyond that limit, so a zip bomb costs at most the limit per entry. Everything one call reads is
 * written in one transaction. A file or entry that cannot be read is reported to the listener and
 * skipped; the import goes on. Thread-safe; the database is not.
 */
public final class OsvImporter {
  /** The default limit on one record's JSON: far above any real OSV record. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

  private final OsvParser parser = new OsvParser();
  private final int maxRecordBytes;

  /** An importer with {@link #DEFAULT_MAX_RECORD_BYTES}. */
  public OsvImporter() {
    this(DEFAULT_MAX_RECORD_BYTES);
  }

  /** An importer that skips records whose JSON is larger than {@code maxRecordBytes}. */
  public OsvImporter(int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * Imports every record under {@code paths} as one import of kind {@code import}.
   *
   * @throws InputException naming the path if one does not exist (before anything is written)
   * @throws VulnerabilityDatabaseException if the database cannot be written
   */
  public ImportRecord importPaths(
      VulnerabilityDatabase database, List<Path> paths, ImportListener listener) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new InputException(path + ": no such file or directory");
      }
    }
    String source = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    return importFiles(database, "import", source, paths, 0, listener);
  }

  /**
   * Imports {@code paths} and records the import under {@code kind} and {@code source}, adding
   * {@code failedBefore} (inputs the caller already skipped) to its failure count.
   */
  ImportRecord importFiles(
      VulnerabilityDatabase database,
      String kind,
      String source,
      List<Path> paths,
      long failedBefore,
      ImportListener listener) {
    try (RecordWriter writer = database.writer(kind, source)) {
      Run run = new Run(listener, writer);
      run.failed = failedBefore;
      for (Path path : paths) {
        run.path(path);
      }
      return writer.commit(run.failed);
    }
  }

  /** The state of one import. */
  private final class Run {
    private final ImportListener listener;
    private final RecordWriter writer;
    private long failed;

    Run(ImportListener listener, RecordWriter writer) {
      this.listener = listener;
      this.writer = writer;
    }

    void path(Path path) {
      if (Files.isDirectory(path)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> isJson(p.toString()) || isZip(p.toString()))
              .sorted()
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          skip(path + ": cannot list the directory: " + e.getMessage());
          return;
        }
        files.forEach(this::file);
      } else {
        file(path);
      }
    }

    void file(Path file) {
      if (isZip(file.toString())) {
        archive(file);
        return;
      }
      try {
        long size = Files.size(file);
        if (size > maxRecordBytes) {
          skip(file + ": larger than " + maxRecordBytes + " bytes; not an OSV record");
          return;
        }
        store(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } catch (IOException e) {
        skip(file + ": cannot be read: " + e.getMessage());
      }
    }

    void archive(Path file) {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (entry.isDirectory() || !isJson(entry.getName())) {
            continue;
          }
          String where = file + "!" + entry.getName();
          if (entry.getSize() > maxRecordBytes) {
            skip(where + ": larger than " + maxRecordBytes + " bytes; skipped");
            continue;
          }
          try (InputStream in = zip.getInputStream(entry)) {
            String json = readBounded(in);
            if (json == null) {
              skip(where + ": inflates to more than " + maxRecordBytes + " bytes; skipped");
            } else {
              store(json, where);
            }
          } catch (IOException e) {
            skip(where + ": cannot be read: " + e.getMessage());
          }
        }
      } catch (IOException e) {
        skip(file + ": not a readable zip archive: " + e.getMessage());
      }
    }

    private @Nullable String readBounded(InputStream in) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16384];
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + n > maxRecordBytes) {
          return null;
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    private void store(String json, String where) {
      OsvRecord record;
      try {
        record = parser.parse(json, where);
      } catch (OsvFormatException e) {
        skip(String.valueOf(e.getMessage()));
        return;
      }
      writer.put(record, json);
    }

    private void skip(String message) {
      failed++;
      listener.warning(message);
    }
  }

  private static boolean isJson(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static boolean isZip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip");
  }
}
