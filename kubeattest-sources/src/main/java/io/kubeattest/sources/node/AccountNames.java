package io.kubeattest.sources.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * User and group names of the host, read from {@code <root>/etc/passwd} and {@code
 * <root>/etc/group}. When scanning from a container the JVM's own name service would answer with
 * the container's accounts, which is wrong for host files; so names always come from the host
 * root's files. An id that is not listed there is named by its number.
 */
final class AccountNames {
  private final Map<Long, String> users;
  private final Map<Long, String> groups;

  private AccountNames(Map<Long, String> users, Map<Long, String> groups) {
    this.users = users;
    this.groups = groups;
  }

  static AccountNames read(HostFileSystem fs, ReadLimits limits, CollectionErrors errors) {
    return new AccountNames(
        table(fs, "/etc/passwd", limits, errors), table(fs, "/etc/group", limits, errors));
  }

  /** The user name of {@code uid}, or the number as text. */
  String user(long uid) {
    return users.getOrDefault(uid, Long.toString(uid));
  }

  /** The group name of {@code gid}, or the number as text. */
  String group(long gid) {
    return groups.getOrDefault(gid, Long.toString(gid));
  }

  /** Parses {@code name:x:id:...} lines; the first name listed for an id wins. */
  private static Map<Long, String> table(
      HostFileSystem fs, String path, ReadLimits limits, CollectionErrors errors) {
    Map<Long, String> names = new HashMap<>();
    byte[] bytes;
    try {
      HostFileSystem.Resolution resolution = fs.resolve(path);
      if (!resolution.exists()) {
        return names;
      }
      bytes = fs.read(resolution, limits.maxFileBytes());
    } catch (IOException e) {
      errors.add(path, "cannot read account names: " + e.getMessage());
      return names;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    for (String line : text.lines().toList()) {
      Long id = idField(line);
      if (id != null) {
        names.putIfAbsent(id, line.substring(0, line.indexOf(':')));
      }
    }
    return names;
  }

  private static @Nullable Long idField(String line) {
    if (line.startsWith("#")) {
      return null;
    }
    int first = line.indexOf(':');
    int second = first < 0 ? -1 : line.indexOf(':', first + 1);
    int third = second < 0 ? -1 : line.indexOf(':', second + 1);
    if (first <= 0 || second < 0) {
      return null;
    }
    String id = line.substring(second + 1, third < 0 ? line.length() : third);
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
