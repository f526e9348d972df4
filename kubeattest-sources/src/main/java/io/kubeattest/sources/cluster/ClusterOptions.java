package io.kubeattest.sources.cluster;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a cluster and what to read of it.
 *
 * @param kubeconfig the kubeconfig file; null for the usual search (KUBECONFIG, ~/.kube/config,
 *     then the in-cluster service account)
 * @param context the kubeconfig context; null for the current one
 * @param includeNamespaces globs ({@code *}, {@code ?}); empty means every namespace
 * @param excludeNamespaces globs; a namespace matching one is not read
 * @param pageSize the {@code limit} of each list request
 */
public record ClusterOptions(
    @Nullable Path kubeconfig,
    @Nullable String context,
    List<String> includeNamespaces,
    List<String> excludeNamespaces,
    int pageSize) {
  public static final int DEFAULT_PAGE_SIZE = 500;

  public ClusterOptions {
    includeNamespaces = List.copyOf(includeNamespaces);
    excludeNamespaces = List.copyOf(excludeNamespaces);
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive, got " + pageSize);
    }
  }

  /** True when objects of {@code namespace} are read. */
  public boolean reads(String namespace) {
    if (excludeNamespaces.stream().anyMatch(g -> Glob.matches(g, namespace))) {
      return false;
    }
    return includeNamespaces.isEmpty()
        || includeNamespaces.stream().anyMatch(g -> Glob.matches(g, namespace));
  }

  /** Shell-style globs: {@code *} any run of characters, {@code ?} one character. */
  static final class Glob {
    private Glob() {}

    static boolean matches(String glob, String text) {
      return matches(glob, 0, text, 0);
    }

    private static boolean matches(String glob, int g, String text, int t) {
      if (g == glob.length()) {
        return t == text.length();
      }
      char c = glob.charAt(g);
      if (c == '*') {
        for (int i = t; i <= text.length(); i++) {
          if (matches(glob, g + 1, text, i)) {
            return true;
          }
        }
        return false;
      }
      return t < text.length()
          && (c == '?' || c == text.charAt(t))
          && matches(glob, g + 1, text, t + 1);
    }
  }
}
