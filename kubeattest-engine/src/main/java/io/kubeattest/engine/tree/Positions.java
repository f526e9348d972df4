package io.kubeattest.engine.tree;

import io.kubeattest.engine.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each field of one document sits in its source file. Paths are relative to the document
 * root. Documents that did not come from a file use {@link #NONE}.
 */
public final class Positions {
  /** Positions of a document that has no source file. */
  public static final Positions NONE = new Positions(null, Map.of(), "");

  private final @Nullable String file;
  private final Map<String, Long> lineColumns;
  private final String prefix;

  private Positions(@Nullable String file, Map<String, Long> lineColumns, String prefix) {
    this.file = file;
    this.lineColumns = lineColumns;
    this.prefix = prefix;
  }

  /** The location of the node at {@code path}, or null when it is not known. */
  public @Nullable SourceLocation locate(FieldPath path) {
    if (file == null) {
      return null;
    }
    Long packed = lineColumns.get(join(prefix, path.toString()));
    return packed == null
        ? null
        : new SourceLocation(file, (int) (packed >>> 32), (int) (packed & 0xffffffffL));
  }

  /**
   * The location of the node at {@code path} or, when that node is absent, of its nearest present
   * ancestor: a missing field is reported where it should have been written.
   */
  public @Nullable SourceLocation locateNearest(FieldPath path) {
    FieldPath current = path;
    while (true) {
      SourceLocation location = locate(current);
      if (location != null || current.isRoot()) {
        return location;
      }
      current = current.parent();
    }
  }

  /** The positions of the subtree at {@code path}, re-rooted there. Costs no copy. */
  public Positions subtree(FieldPath path) {
    if (file == null || path.isRoot()) {
      return this;
    }
    return new Positions(file, lineColumns, join(prefix, path.toString()));
  }

  private static String join(String head, String tail) {
    if (head.isEmpty()) {
      return tail;
    }
    if (tail.isEmpty()) {
      return head;
    }
    return tail.charAt(0) == '[' ? head + tail : head + "." + tail;
  }

  /** Collects positions while a document is read. Not thread-safe. */
  public static final class Builder {
    private final String file;
    private final Map<String, Long> lineColumns = new HashMap<>();

    public Builder(String file) {
      this.file = file;
    }

    /** Records a 1-based line and column for {@code path}. */
    public void put(FieldPath path, int line, int column) {
      lineColumns.put(path.toString(), ((long) line << 32) | (column & 0xffffffffL));
    }

    public Positions build() {
      return new Positions(file, Map.copyOf(lineColumns), "");
    }
  }
}
