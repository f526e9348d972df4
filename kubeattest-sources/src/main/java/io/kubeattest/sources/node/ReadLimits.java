package io.kubeattest.sources.node;

/**
 * Caps that keep a hostile or broken node from exhausting the scanner.
 *
 * @param maxFileBytes largest file (config, manifest, cmdline, environ) read; larger ones become an
 *     error fact
 * @param maxDirEntries most entries listed under one directory fact, recursively; the rest is
 *     dropped and the directory marked {@code truncated}
 * @param maxDepth deepest directory level listed below a directory fact
 */
public record ReadLimits(long maxFileBytes, int maxDirEntries, int maxDepth) {

  /** 1 MiB per file, 10,000 entries and 8 levels per directory. */
  public static final ReadLimits DEFAULT = new ReadLimits(1024 * 1024, 10_000, 8);

  /** Validates that every limit is positive. */
  public ReadLimits {
    if (maxFileBytes <= 0 || maxDirEntries <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException(
          "read limits must be positive, got maxFileBytes="
              + maxFileBytes
              + " maxDirEntries="
              + maxDirEntries
              + " maxDepth="
              + maxDepth);
    }
  }
}
