package io.kubeattest.image.fs;

/**
 * Bounds on what one image may make kubeattest read.
 *
 * @param maxLayerBytes the largest uncompressed layer
 * @param maxRatio the largest ratio of uncompressed to compressed bytes, once {@code ratioAfter}
 *     bytes are out (real layers compress 2-10 times; a gzip bomb about 1000 times)
 * @param ratioAfter how many uncompressed bytes to allow before the ratio is judged
 * @param maxEntries the most tar entries in one image
 */
public record LayerLimits(long maxLayerBytes, int maxRatio, long ratioAfter, int maxEntries) {
  /** 16 GiB per layer, ratio 200 after 64 MiB, two million entries. */
  public static final LayerLimits DEFAULT = new LayerLimits(16L << 30, 200, 64L << 20, 2_000_000);

  public LayerLimits {
    if (maxLayerBytes <= 0 || maxRatio <= 0 || ratioAfter < 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("layer limits must be positive");
    }
  }
}
