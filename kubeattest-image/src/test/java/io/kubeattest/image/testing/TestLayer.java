package io.kubeattest.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Test fixture: one image layer, written as a real tar with commons-compress. */
public final class TestLayer {
  private record Entry(String name, byte type, byte[] content, int mode, String link, long uid) {}

  private static final java.nio.file.attribute.FileTime FIXED_TIME =
      java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
  private final List<Entry> entries = new ArrayList<>();

  public static TestLayer create() {
    return new TestLayer();
  }

  /** A Debian 12 base: os-release and a dpkg status of 22 packages (apt among them). */
  public static TestLayer debianPackages() {
    return create()
        .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        .file("var/lib/dpkg/status", TestImage.resource("pkg/dpkg/status"));
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

  /** The zstd-compressed tar, one frame, written by libzstd (zstd-jni). */
  public byte[] tarZst() {
    return zstd(tar());
  }

  /** {@code bytes} in one zstd frame, written by libzstd (zstd-jni). */
  public static byte[] zstd(byte[] bytes) {
    return compress(bytes, ZstdCompressorOutputStream::new);
  }

  static byte[] gzip(byte[] bytes) {
    return compress(bytes, GZIPOutputStream::new);
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(byte[] bytes, Compressor compressor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream compressed = compressor.wrap(out)) {
      compressed.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
