package io.kubeattest.image.fs;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the image filesystem as its layer's tar header gives it.
 *
 * @param path the normalised path, relative to the image root, without a leading {@code /}
 * @param mode the permission bits, including setuid ({@code 04000}), setgid ({@code 02000}) and
 *     sticky ({@code 01000})
 * @param linkTarget the target of a symbolic or hard link, else null
 * @param layer the index of the layer that wrote the entry, bottom layer 0
 */
public record FileEntry(
    String path,
    Type type,
    int mode,
    long uid,
    long gid,
    long size,
    @Nullable String linkTarget,
    int layer) {

  /** What kind of entry it is. */
  public enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    OTHER
  }

  /** Whether any execute bit is set. */
  public boolean executable() {
    return (mode & 0111) != 0;
  }

  public boolean setuid() {
    return (mode & 04000) != 0;
  }

  public boolean setgid() {
    return (mode & 02000) != 0;
  }
}
