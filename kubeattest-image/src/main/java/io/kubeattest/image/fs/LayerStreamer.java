package io.kubeattest.image.fs;

import io.kubeattest.image.oci.Descriptor;
import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.oci.VerifyingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Streams every layer of an image once, bottom first, into a {@link LayeredFilesystem}: gzip, zstd
 * or plain tar (see {@link LayerCompression}), decompressed as it streams under the {@link
 * LayerLimits}, each blob checked against its digest and each uncompressed layer against its diff
 * id. Thread-safe; one call per image.
 */
public final class LayerStreamer {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private final LayerLimits limits;

  public LayerStreamer(LayerLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads the layers of {@code image}, showing each regular file to {@code visitor}.
   *
   * @throws ImageException naming the layer when one cannot be read, fails its digest or a limit
   */
  public <T> LayeredFilesystem<T> read(ResolvedImage image, LayerVisitor<T> visitor) {
    LayeredFilesystem<T> fs = new LayeredFilesystem<>();
    int[] entries = {0};
    for (int i = 0; i < image.manifest().layers().size(); i++) {
      Descriptor layer = image.manifest().layers().get(i);
      Digest diffId =
          image.config().diffIds().isEmpty() ? layer.digest() : image.config().diffIds().get(i);
      LayerInfo info = new LayerInfo(i, diffId);
      String what = image.name() + " layer " + (i + 1) + " (" + layer.digest() + ")";
      try (InputStream blob = image.blobs().open(layer)) {
        try {
          readLayer(blob, layer, info, what, fs, visitor, entries);
        } catch (IOException e) {
          // a corrupt stream is most often a blob that is not what its digest says: say that
          blob.transferTo(OutputStream.nullOutputStream());
          throw e;
        }
      } catch (IOException e) {
        throw new ImageException(what + ": cannot be read: " + e.getMessage(), e);
      }
    }
    return fs;
  }

  private <T> void readLayer(
      InputStream blob,
      Descriptor layer,
      LayerInfo info,
      String what,
      LayeredFilesystem<T> fs,
      LayerVisitor<T> visitor,
      int[] entries)
      throws IOException {
    CountingInputStream compressed = new CountingInputStream(blob);
    BufferedInputStream buffered = new BufferedInputStream(compressed, 1 << 16);
    buffered.mark(4);
    byte[] head = buffered.readNBytes(4);
    buffered.reset();
    LayerCompression compression = LayerCompression.of(layer.mediaType(), head);
    // closing the decoder frees its native memory (zlib, libzstd) but leaves the blob open, so
    // that read() can still drain it to report a digest mismatch
    try (InputStream plain = compression.decoder(new NonClosingInputStream(buffered))) {
      InputStream bounded = new BoundedInputStream(plain, compressed, limits, what);
      // an uncompressed layer whose blob digest is its diff id is already hashed once
      InputStream uncompressed =
          compression == LayerCompression.NONE && info.diffId().equals(layer.digest())
              ? bounded
              : new VerifyingInputStream(bounded, info.diffId(), -1, what + " uncompressed");
      TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed);
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (++entries[0] > limits.maxEntries()) {
          throw new ImageException(
              what + ": more than " + limits.maxEntries() + " entries in the image");
        }
        accept(entry, tar, info, what, fs, visitor);
      }
      uncompressed.transferTo(OutputStream.nullOutputStream());
    }
    buffered.transferTo(OutputStream.nullOutputStream());
  }

  private <T> void accept(
      TarArchiveEntry entry,
      InputStream content,
      LayerInfo info,
      String what,
      LayeredFilesystem<T> fs,
      LayerVisitor<T> visitor) {
    String raw = entry.getName();
    String path = normalise(raw);
    if (path == null) {
      fs.warn(what + ": entry '" + raw + "' climbs out of the image root or is absolute: skipped");
      return;
    }
    if (path.isEmpty()) {
      return;
    }
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash);
    String base = path.substring(slash + 1);
    if (base.equals(OPAQUE)) {
      fs.opaque(dir, info.index());
      return;
    }
    if (base.startsWith(WHITEOUT)) {
      String hidden = base.substring(WHITEOUT.length());
      fs.whiteout(dir.isEmpty() ? hidden : dir + "/" + hidden, info.index());
      return;
    }
    FileEntry.Type type;
    String target = null;
    if (entry.isSymbolicLink()) {
      type = FileEntry.Type.SYMLINK;
      target = entry.getLinkName();
      if (!target.startsWith("/") && climbs(dir, target)) {
        fs.note(
            what
                + ": symlink '"
                + path
                + "' -> '"
                + target
                + "' points outside the image root: kept, never followed");
      }
    } else if (entry.isLink()) {
      type = FileEntry.Type.HARDLINK;
      target = normalise(entry.getLinkName());
      if (target == null || target.isEmpty()) {
        fs.warn(
            what
                + ": hard link '"
                + path
                + "' -> '"
                + entry.getLinkName()
                + "' leaves the image root: skipped");
        return;
      }
    } else if (entry.isDirectory()) {
      type = FileEntry.Type.DIRECTORY;
    } else if (entry.isFile()) {
      type = FileEntry.Type.FILE;
    } else {
      type = FileEntry.Type.OTHER;
    }
    FileEntry file =
        new FileEntry(
            path,
            type,
            entry.getMode() & 07777,
            entry.getLongUserId(),
            entry.getLongGroupId(),
            entry.getSize(),
            target,
            info.index());
    T kept = null;
    if (type == FileEntry.Type.FILE) {
      kept = visitor.visit(file, new NonClosingInputStream(content), info);
    }
    fs.put(file, kept);
  }

  /**
   * The path without {@code ./} and trailing {@code /}; null when it is absolute or a {@code ..}
   * component would climb above the root.
   */
  static @Nullable String normalise(String name) {
    if (name.startsWith("/")) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        return null;
      }
      parts.addLast(part);
    }
    return String.join("/", parts);
  }

  /** Whether a relative link target, seen from {@code dir}, climbs above the root. */
  static boolean climbs(String dir, String target) {
    int depth = dir.isEmpty() ? 0 : dir.split("/", -1).length;
    for (String part : target.split("/", -1)) {
      if (part.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return false;
  }
}
