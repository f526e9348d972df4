package io.kubeattest.image.archive;

import io.kubeattest.image.oci.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The regular files of a tar, read in place (random access, nothing extracted). Names are
 * normalised ({@code ./} prefixes dropped); links and other entry types are ignored.
 */
final class TarFiles implements ArchiveFiles {
  private final String name;
  private final TarFile tar;
  private final Map<String, TarArchiveEntry> entries = new HashMap<>();

  private TarFiles(String name, TarFile tar) {
    this.name = name;
    this.tar = tar;
    for (TarArchiveEntry entry : tar.getEntries()) {
      if (entry.isFile()) {
        entries.put(normalise(entry.getName()), entry);
      }
    }
  }

  static TarFiles open(Path path) {
    try {
      return new TarFiles(path.toString(), new TarFile(path));
    } catch (IOException | RuntimeException e) {
      throw new ImageException(path + ": not a readable tar archive: " + e.getMessage(), e);
    }
  }

  private static String normalise(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    return n;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean exists(String path) {
    return entries.containsKey(normalise(path));
  }

  @Override
  public long size(String path) {
    TarArchiveEntry entry = entries.get(normalise(path));
    if (entry == null) {
      throw new ImageException(name + ": " + path + " is missing");
    }
    return entry.getSize();
  }

  @Override
  public InputStream open(String path) {
    TarArchiveEntry entry = entries.get(normalise(path));
    if (entry == null) {
      throw new ImageException(name + ": " + path + " is missing");
    }
    try {
      return tar.getInputStream(entry);
    } catch (IOException e) {
      throw new ImageException(name + ": " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      tar.close();
    } catch (IOException e) {
      // read-only file: nothing to lose
    }
  }
}
