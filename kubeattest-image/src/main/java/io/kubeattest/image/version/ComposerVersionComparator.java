package io.kubeattest.image.version;

import java.util.List;
import java.util.regex.Pattern;

/**
 * PHP's {@code version_compare} as Composer applies it to Packagist versions: a leading {@code v}
 * is dropped, {@code -}, {@code _} and {@code +} become {@code .}, a {@code .} is inserted at every
 * digit/non-digit transition, and parts compare pairwise: numbers numerically, special forms by
 * prefix as {@code (unknown) < dev < alpha = a < beta = b < RC = rc < # (any number) < pl = p};
 * when one version runs out, a following number makes the longer one newer, otherwise the rest
 * compares against {@code #}.
 */
final class ComposerVersionComparator {
  private static final Pattern SEPARATORS = Pattern.compile("[-_+]");
  private static final Pattern TO_DIGIT = Pattern.compile("([^\\d.])(\\d)");
  private static final Pattern FROM_DIGIT = Pattern.compile("(\\d)([^\\d.])");
  private static final List<String> FORMS =
      List.of("dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p");
  private static final int[] WEIGHTS = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};

  private ComposerVersionComparator() {}

  static int compare(String a, String b) {
    return compareParts(parts(a), parts(b));
  }

  private static List<String> parts(String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      throw new VersionFormatException(raw, "Composer", "version string is empty");
    }
    if (v.startsWith("v") || v.startsWith("V")) {
      v = v.substring(1);
    }
    v = SEPARATORS.matcher(v).replaceAll(".");
    v = TO_DIGIT.matcher(v).replaceAll("$1.$2");
    v = FROM_DIGIT.matcher(v).replaceAll("$1.$2");
    return List.of(v.split("\\.", -1));
  }

  private static int weight(String form) {
    for (int i = 0; i < FORMS.size(); i++) {
      if (form.startsWith(FORMS.get(i))) {
        return WEIGHTS[i];
      }
    }
    return -1;
  }

  private static int compareParts(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String s = a.get(i);
      String t = b.get(i);
      boolean sn = Numerals.isNumeral(s);
      boolean tn = Numerals.isNumeral(t);
      int c;
      if (sn && tn) {
        c = Numerals.compare(s, t);
      } else {
        c = Integer.compare(weight(sn ? "#" : s), weight(tn ? "#" : t));
      }
      if (c != 0) {
        return c;
      }
    }
    if (a.size() > b.size()) {
      return Numerals.isNumeral(a.get(n)) ? 1 : compareParts(a.subList(n, a.size()), List.of("#"));
    }
    if (a.size() < b.size()) {
      return Numerals.isNumeral(b.get(n)) ? -1 : compareParts(List.of("#"), b.subList(n, b.size()));
    }
    return 0;
  }
}
