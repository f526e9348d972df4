package io.kubeattest.image.version;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Versions that are plain lists of non-negative integers: R's package_version (CRAN: separated by
 * {@code .} or {@code -}) and Haskell's Data.Version (Hackage: separated by {@code .}). Lists
 * compare element by element numerically; when one is a prefix of the other, the longer is newer
 * ({@code 1.0 < 1.0.0}).
 */
final class NumericListComparator {
  private static final Pattern CRAN = Pattern.compile("^\\d+(?:[.-]\\d+)*$");
  private static final Pattern HACKAGE = Pattern.compile("^\\d+(?:\\.\\d+)*$");

  private NumericListComparator() {}

  static int compareCran(String a, String b) {
    return compare(parts(a, CRAN, "CRAN", "[.-]"), parts(b, CRAN, "CRAN", "[.-]"));
  }

  static int compareHackage(String a, String b) {
    return compare(parts(a, HACKAGE, "Hackage", "\\."), parts(b, HACKAGE, "Hackage", "\\."));
  }

  private static List<String> parts(String raw, Pattern shape, String ordering, String split) {
    String v = raw.strip();
    if (!shape.matcher(v).matches()) {
      throw new VersionFormatException(
          raw,
          ordering,
          "expected non-negative integers separated by "
              + (split.length() > 2 ? "'.' or '-'" : "'.'"));
    }
    return List.of(v.split(split));
  }

  private static int compare(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Numerals.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
