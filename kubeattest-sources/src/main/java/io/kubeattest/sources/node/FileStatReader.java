package io.kubeattest.sources.node;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a host path into a file fact: exists, type, mode (octal text and number), numeric uid and
 * gid, owner and group names (from the host root's account files), size, and for directories that
 * ask for it the same facts for every entry below, recursively, without following links (as {@code
 * find | xargs stat} does). A missing path gives {@code exists: false}; an unreadable one also
 * carries {@code error}, and the error is recorded.
 */
final class FileStatReader {
  private final HostFileSystem fs;
  private final AccountNames names;
  private final ReadLimits limits;
  private final CollectionErrors errors;

  FileStatReader(
      HostFileSystem fs, AccountNames names, ReadLimits limits, CollectionErrors errors) {
    this.fs = fs;
    this.names = names;
    this.limits = limits;
    this.errors = errors;
  }

  /** The fact for one host path; with {@code listEntries}, directory entries too. */
  Map<String, Object> stat(String hostPath, boolean listEntries) {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("path", hostPath);
    HostFileSystem.Resolution resolution;
    try {
      resolution = fs.resolve(hostPath);
    } catch (IOException e) {
      fact.put("exists", false);
      fact.put("error", String.valueOf(e.getMessage()));
      errors.add(hostPath, "cannot resolve: " + e.getMessage());
      return fact;
    }
    if (!resolution.resolvedHostPath().equals(normalized(hostPath))) {
      fact.put("resolved", resolution.resolvedHostPath());
    }
    if (!resolution.exists()) {
      fact.put("exists", false);
      return fact;
    }
    try {
      putAttributes(fact, resolution.real());
    } catch (IOException | UnsupportedOperationException e) {
      fact.put("exists", false);
      fact.put("error", String.valueOf(e.getMessage()));
      errors.add(hostPath, "cannot read file attributes: " + e);
      return fact;
    }
    if (listEntries && "directory".equals(fact.get("type"))) {
      List<Object> entries = new ArrayList<>();
      boolean complete = list(resolution.resolvedHostPath(), 1, entries);
      fact.put("entries", entries);
      fact.put("truncated", !complete);
    }
    return fact;
  }

  /** Lists one directory level; false when a limit cut the listing short. */
  private boolean list(String dirHostPath, int depth, List<Object> entries) {
    List<Path> children = new ArrayList<>();
    Path dir = fs.realOf(dirHostPath);
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      errors.add(dirHostPath, "cannot list directory: " + e);
      return true;
    }
    children.sort(null);
    for (Path child : children) {
      if (entries.size() >= limits.maxDirEntries()) {
        return false;
      }
      String childHostPath =
          (dirHostPath.equals("/") ? "" : dirHostPath) + "/" + child.getFileName();
      Map<String, Object> fact = new LinkedHashMap<>();
      fact.put("path", childHostPath);
      try {
        putAttributes(fact, child);
      } catch (IOException | UnsupportedOperationException e) {
        fact.put("exists", false);
        fact.put("error", String.valueOf(e.getMessage()));
        errors.add(childHostPath, "cannot read file attributes: " + e);
      }
      entries.add(fact);
      if ("directory".equals(fact.get("type"))) {
        if (depth >= limits.maxDepth()) {
          return false;
        }
        if (!list(childHostPath, depth + 1, entries)) {
          return false;
        }
      }
    }
    return true;
  }

  private void putAttributes(Map<String, Object> fact, Path real) throws IOException {
    BasicFileAttributes basic =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    long mode =
        ((Number) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS)).longValue()
            & 07777;
    long uid =
        ((Number) Files.getAttribute(real, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    long gid =
        ((Number) Files.getAttribute(real, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue();
    fact.put("exists", true);
    fact.put("type", type(basic));
    fact.put("mode", String.format(Locale.ROOT, "%04o", mode));
    fact.put("modeBits", mode);
    fact.put("uid", uid);
    fact.put("gid", gid);
    fact.put("owner", names.user(uid));
    fact.put("group", names.group(gid));
    fact.put("ownership", names.user(uid) + ":" + names.group(gid));
    fact.put("size", basic.size());
  }

  private static String type(BasicFileAttributes basic) {
    if (basic.isSymbolicLink()) {
      return "symlink";
    }
    if (basic.isDirectory()) {
      return "directory";
    }
    return basic.isRegularFile() ? "file" : "other";
  }

  private static String normalized(String hostPath) {
    String path = hostPath.replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
