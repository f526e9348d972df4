package io.kubeattest.engine.tree;

import io.kubeattest.engine.InputException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Reads a stream of documents into JSON-like trees with positions. Implementations: {@link
 * YamlReader} (YAML 1.1, as Kubernetes reads it) and {@link JsonReader}.
 */
public interface TreeReader {
  /**
   * Reads every document of {@code input} and hands each to {@code sink} in order.
   *
   * @param name the input's name as the user gave it; used in positions and messages
   * @throws InputException when the input breaks the syntax or a limit; documents before the
   *     problem have already been handed to the sink
   */
  void read(String name, Reader input, Consumer<YamlDocument> sink);
}
