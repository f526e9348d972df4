package io.kubeattest.sources.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The host's files seen through a root directory ({@code --root}, {@code /} by default), with
 * chroot semantics: host paths are resolved one component at a time, an absolute symbolic-link
 * target starts again at the root, and {@code ..} never climbs above it. A link on a host mounted
 * at {@code /host} that points to {@code /etc/kubernetes/pki} therefore reads {@code
 * /host/etc/kubernetes/pki}, never the scanner container's own {@code /etc}. Resolved paths contain
 * no symbolic link, and every read opens them with {@code NOFOLLOW_LINKS}.
 */
final class HostFileSystem {
  /** Linux gives up after 40 links (ELOOP); so do we. */
  private static final int MAX_LINKS = 40;

  private final Path root;

  HostFileSystem(Path root) {
    if (!Files.isDirectory(root)) {
      throw new NodeFactsException(
          "host root " + root + " is not a directory (expected the host's / or its mount point)");
    }
    this.root = root.toAbsolutePath().normalize();
  }

  /** The result of resolving a host path. */
  record Resolution(String hostPath, String resolvedHostPath, Path real, boolean exists) {}

  /**
   * Resolves {@code hostPath} (absolute, as seen on the host) under the root.
   *
   * @throws IOException on a link loop or when an attribute cannot be read
   */
  Resolution resolve(String hostPath) throws IOException {
    Deque<String> pending = new ArrayDeque<>(components(hostPath));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      done.add(part);
      Path real = real(done);
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return missing(hostPath, done, pending, real);
      }
      if (attributes.isSymbolicLink()) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many levels of symbolic links resolving " + hostPath);
        }
        String target = Files.readSymbolicLink(real).toString();
        done.remove(done.size() - 1);
        if (target.startsWith("/")) {
          done.clear();
        }
        List<String> targetParts = components(target);
        for (int i = targetParts.size() - 1; i >= 0; i--) {
          pending.addFirst(targetParts.get(i));
        }
      } else if (!pending.isEmpty() && !attributes.isDirectory()) {
        return missing(hostPath, done, pending, real);
      }
    }
    return new Resolution(hostPath, hostPath(done), real(done), true);
  }

  /**
   * Reads a regular file, at most {@code max + 1} bytes so that the caller can tell it is too
   * large.
   *
   * @throws IOException when the path is missing, not a regular file or unreadable
   */
  byte[] read(Resolution resolution, long max) throws IOException {
    if (!resolution.exists()) {
      throw new NoSuchFileException(resolution.hostPath());
    }
    if (!Files.isRegularFile(resolution.real(), LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(resolution.hostPath() + " is not a regular file");
    }
    try (InputStream in = Files.newInputStream(resolution.real(), LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
  }

  /** A missing path: where the link-resolved path would be, with the rest applied lexically. */
  private static Resolution missing(
      String hostPath, List<String> done, Deque<String> pending, Path real) {
    List<String> parts = new ArrayList<>(done);
    for (String part : pending) {
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return new Resolution(hostPath, hostPath(parts), real, false);
  }

  /** The real path of a host path that has no link in it (a directory entry found by listing). */
  Path realOf(String resolvedHostPath) {
    return real(components(resolvedHostPath));
  }

  private Path real(List<String> parts) {
    Path path = root;
    for (String part : parts) {
      path = path.resolve(part);
    }
    return path;
  }

  private static String hostPath(List<String> parts) {
    return "/" + String.join("/", parts);
  }

  private static List<String> components(String path) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i > start) {
          parts.add(path.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }
}
