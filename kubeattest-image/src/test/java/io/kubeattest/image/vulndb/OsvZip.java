package io.kubeattest.image.vulndb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds OSV archives as OSV publishes them: one JSON file per record in a zip. */
final class OsvZip {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  OsvZip record(String id, String ecosystem, String name, String modified, String fixed) {
    return entry(id + ".json", json(id, ecosystem, name, modified, fixed));
  }

  OsvZip entry(String name, String content) {
    return entry(name, content.getBytes(StandardCharsets.UTF_8));
  }

  OsvZip entry(String name, byte[] content) {
    entries.put(name, content);
    return this;
  }

  Path writeTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  static String json(String id, String ecosystem, String name, String modified, String fixed) {
    return """
        {"id": "%s", "modified": "%s", "aliases": ["CVE-%s"],
         "affected": [{"package": {"ecosystem": "%s", "name": "%s"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "%s"}]}]}]}
        """
        .formatted(id, modified, id, ecosystem, name, fixed);
  }
}
