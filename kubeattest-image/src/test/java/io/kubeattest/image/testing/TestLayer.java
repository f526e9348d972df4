package io.kubeattest.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Test fixture: one image layer, written as a real tar with commons-compress. */
public final class TestLayer {
  private record Entry(String name, byte type, byte[] content, int mode, String link, long uid) {}

  private static final java.nio.file.attribute.FileTime FIXED_TIME =
      java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
  private final List<Entry> entries = new ArrayList<>();

  public static TestLayer create() {
    return new TestLayer();
  }

  public TestLayer file(String name, byte[] content) {
    return file(name, content, 0644);
  }

  public TestLayer file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  public TestLayer file(String name, byte[] content, int mode) {
    entries.add(new Entry(name, TarConstants.LF_NORMAL, content, mode, "", 0));
    return this;
  }

  public TestLayer dir(String name) {
    entries.add(
        new Entry(
            name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, new byte[0], 0755, "", 0));
    return this;
  }

  public TestLayer symlink(String name, String target) {
    entries.add(new Entry(name, TarConstants.LF_SYMLINK, new byte[0], 0777, target, 0));
    return this;
  }

  public TestLayer hardlink(String name, String target) {
    entries.add(new Entry(name, TarConstants.LF_LINK, new byte[0], 0644, target, 0));
    return this;
  }

  /** A {@code .wh.NAME} entry hiding {@code path} of lower layers. */
  public TestLayer whiteout(String path) {
    int slash = path.lastIndexOf('/');
    String name =
        slash < 0
            ? ".wh." + path
            : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
    return file(name, new byte[0]);
  }

  /** A {@code .wh..wh..opq} entry making {@code dir} opaque. */
  public TestLayer opaque(String dir) {
    return file(dir + "/.wh..wh..opq", new byte[0]);
  }

  /** The uncompressed tar. */
  public byte[] tar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type(), true);
        entry.setMode(e.mode());
        entry.setModTime(FIXED_TIME);
        entry.setUserId(e.uid());
        if (!e.link().isEmpty()) {
          entry.setLinkName(e.link());
        }
        if (e.type() == TarConstants.LF_NORMAL) {
          entry.setSize(e.content().length);
        }
        tar.putArchiveEntry(entry);
        if (e.type() == TarConstants.LF_NORMAL) {
          tar.write(e.content());
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The gzip-compressed tar. */
  public byte[] tarGz() {
    return gzip(tar());
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
