package io.kubeattest.image.version;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SemVer 2.0 precedence (semver.org, item 11): numeric core parts compare numerically (missing
 * parts count as 0, so {@code 1.2} reads as {@code 1.2.0}); a pre-release sorts before its release;
 * pre-release identifiers compare numerically when all digits, else in ASCII order, numeric before
 * alphanumeric, more identifiers after fewer; build metadata ({@code +...}, including Go's {@code
 * +incompatible}) is ignored. A leading {@code v} (Go) is accepted. Numbers may be arbitrarily
 * long. Go pseudo-versions order correctly as pre-releases.
 */
final class SemverComparator {
  private static final Pattern SHAPE =
      Pattern.compile("^[vV]?(\\d+(?:\\.\\d+)*)(?:-([^+]*))?(?:\\+(.*))?$");

  private SemverComparator() {}

  /** A version split into its core numbers, pre-release identifiers and build metadata. */
  record Parsed(List<String> core, List<String> pre, String build) {}

  static int compare(String a, String b) {
    return compareParsed(parse(a, "SemVer", false), parse(b, "SemVer", false));
  }

  static Parsed parse(String raw, String ordering, boolean lowerCase) {
    Matcher m = SHAPE.matcher(raw.strip());
    if (!m.matches()) {
      throw new VersionFormatException(
          raw, ordering, "expected [v]MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD]");
    }
    List<String> core = List.of(m.group(1).split("\\."));
    String pre = m.group(2);
    String build = m.group(3);
    if (lowerCase && pre != null) {
      pre = pre.toLowerCase(Locale.ROOT);
    }
    List<String> preIds = pre == null || pre.isEmpty() ? List.of() : List.of(pre.split("\\.", -1));
    return new Parsed(core, preIds, build == null ? "" : build);
  }

  static int compareParsed(Parsed x, Parsed y) {
    int c = compareCore(x.core(), y.core());
    if (c != 0) {
      return c;
    }
    if (x.pre().isEmpty() != y.pre().isEmpty()) {
      return x.pre().isEmpty() ? 1 : -1;
    }
    return compareIdentifiers(x.pre(), y.pre());
  }

  static int compareCore(List<String> a, List<String> b) {
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Numerals.compare(i < a.size() ? a.get(i) : "0", i < b.size() ? b.get(i) : "0");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** SemVer's rules for dot-separated pre-release identifiers. */
  static int compareIdentifiers(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String s = a.get(i);
      String t = b.get(i);
      boolean sn = Numerals.isNumeral(s);
      boolean tn = Numerals.isNumeral(t);
      int c;
      if (sn && tn) {
        c = Numerals.compare(s, t);
      } else if (sn != tn) {
        c = sn ? -1 : 1;
      } else {
        c = Integer.signum(s.compareTo(t));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
