package io.kubeattest.image.archive;

import io.kubeattest.image.oci.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The files of an OCI layout directory. Paths are resolved inside the directory only; a path that
 * would leave it, or a symbolic link, is refused.
 */
final class DirectoryFiles implements ArchiveFiles {
  private final Path root;

  DirectoryFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return root.toString();
  }

  @Override
  public boolean exists(String path) {
    return Files.isRegularFile(resolve(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public long size(String path) {
    try {
      return Files.size(resolve(path));
    } catch (IOException e) {
      throw new ImageException(name() + ": " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String path) {
    try {
      return Files.newInputStream(resolve(path), LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new ImageException(name() + ": " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  private Path resolve(String path) {
    Path resolved = root.resolve(path).normalize();
    if (!resolved.startsWith(root)) {
      throw new ImageException(name() + ": path " + path + " leaves the layout directory");
    }
    return resolved;
  }

  @Override
  public void close() {
    // nothing held open
  }
}
