package io.kubeattest.engine.tree;

/**
 * Bounds that keep a hostile document from exhausting memory, stack or time.
 *
 * @param maxAliases aliases to collections per document (a "billion laughs" bomb needs many)
 * @param maxDepth nesting of maps and lists; real CRDs reach about 40, a stack overflow needs
 *     thousands
 * @param maxDocumentChars characters in one document
 * @param maxNodes values that alias expansion may add to one document (plain values are bounded by
 *     the document size)
 */
public record YamlLimits(int maxAliases, int maxDepth, int maxDocumentChars, int maxNodes) {
  /** The defaults: generous for any real Kubernetes manifest, fatal for bombs. */
  public static final YamlLimits DEFAULT = new YamlLimits(100, 64, 16 * 1024 * 1024, 100_000);

  public YamlLimits {
    if (maxAliases < 0 || maxDepth < 1 || maxDocumentChars < 1 || maxNodes < 1) {
      throw new IllegalArgumentException("YAML limits must be positive");
    }
  }
}
