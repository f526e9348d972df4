package io.kubeattest.image.fs;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Sees each regular file of a layer while the layer streams, and returns what to keep about it
 * (packages read from it, a secret found in it), or null to keep nothing. What it keeps goes away
 * when an upper layer deletes or replaces the file.
 *
 * @param <T> what is kept per file
 */
@FunctionalInterface
public interface LayerVisitor<T> {
  /**
   * Reads what it needs of one regular file.
   *
   * @param entry the file
   * @param content its bytes; read as much as needed, do not close
   * @param layer the layer being read
   */
  @Nullable T visit(FileEntry entry, InputStream content, LayerInfo layer);
}
