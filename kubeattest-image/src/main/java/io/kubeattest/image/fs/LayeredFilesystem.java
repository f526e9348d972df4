package io.kubeattest.image.fs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The merged view of an image's layers: for each path, the entry of the top-most layer that wrote
 * it and what the visitor kept about it. Built by {@link LayerStreamer}; read-only for everyone
 * else. Not thread-safe.
 *
 * @param <T> what the visitor kept per file
 */
public final class LayeredFilesystem<T> {
  /** An entry and what was kept about it. */
  public record Node<T>(FileEntry entry, @Nullable T kept) {}

  private final NavigableMap<String, Node<T>> nodes = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Every path of the merged image, sorted. */
  public Collection<Node<T>> nodes() {
    return java.util.Collections.unmodifiableCollection(nodes.values());
  }

  /** The entry at {@code path} (no leading {@code /}), if the merged image has one. */
  public Optional<Node<T>> node(String path) {
    return Optional.ofNullable(nodes.get(path));
  }

  /** Whether the merged image has {@code path}, of any type. */
  public boolean exists(String path) {
    return nodes.containsKey(path);
  }

  /** The entries refused or neutralised while reading, one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Entries kept but neutralised (a symlink pointing outside the root), one line each. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  public int size() {
    return nodes.size();
  }

  void warn(String message) {
    warnings.add(message);
  }

  void note(String message) {
    notes.add(message);
  }

  /** Adds or replaces {@code entry}; a non-directory hides what lower layers had below it. */
  void put(FileEntry entry, @Nullable T kept) {
    Node<T> previous = nodes.get(entry.path());
    if (entry.type() == FileEntry.Type.DIRECTORY) {
      if (previous != null && previous.entry().type() != FileEntry.Type.DIRECTORY) {
        nodes.remove(entry.path());
      }
    } else {
      removeBelow(entry.path(), entry.layer());
    }
    nodes.put(entry.path(), new Node<>(entry, kept));
  }

  /** A {@code .wh.NAME} whiteout: {@code path} and everything below it, from lower layers. */
  void whiteout(String path, int layer) {
    Node<T> node = nodes.get(path);
    if (node != null && node.entry().layer() < layer) {
      nodes.remove(path);
    }
    removeBelow(path, layer);
  }

  /** An opaque directory: what lower layers had below {@code dir} is hidden. */
  void opaque(String dir, int layer) {
    removeBelow(dir, layer);
  }

  private void removeBelow(String dir, int layer) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    Map<String, Node<T>> below = nodes.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    below.values().removeIf(n -> n.entry().layer() < layer);
  }
}
