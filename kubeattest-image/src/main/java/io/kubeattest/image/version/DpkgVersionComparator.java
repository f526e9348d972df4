package io.kubeattest.image.version;

/**
 * dpkg's version comparison ({@code deb-version(7)}): {@code [epoch:]upstream[-revision]}, where
 * the epoch compares as a number and upstream and revision compare with dpkg's {@code verrevcmp}:
 * alternating non-digit runs (letters before non-letters, {@code ~} before anything, even the end)
 * and digit runs (numerically). Syntax is checked as {@code dpkg --compare-versions} does.
 */
final class DpkgVersionComparator {
  private static final String ORDERING = "dpkg";

  private DpkgVersionComparator() {}

  static int compare(String a, String b) {
    Parsed x = parse(a);
    Parsed y = parse(b);
    int c = Numerals.compare(x.epoch, y.epoch);
    if (c != 0) {
      return c;
    }
    c = verrevcmp(x.upstream, y.upstream);
    if (c != 0) {
      return c;
    }
    return verrevcmp(x.revision, y.revision);
  }

  private record Parsed(String epoch, String upstream, String revision) {}

  private static Parsed parse(String raw) {
    String s = raw.strip();
    if (s.isEmpty()) {
      throw invalid(raw, "version string is empty");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        throw invalid(raw, "version string has embedded spaces");
      }
    }
    String epoch = "0";
    String rest = s;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      epoch = s.substring(0, colon);
      if (!Numerals.isNumeral(epoch)) {
        throw invalid(raw, "epoch in version is not a number");
      }
      if (Numerals.compare(epoch, String.valueOf(Integer.MAX_VALUE)) > 0) {
        throw invalid(raw, "epoch in version is too big");
      }
      rest = s.substring(colon + 1);
      if (rest.isEmpty()) {
        throw invalid(raw, "nothing after colon in version number");
      }
    }
    String upstream = rest;
    String revision = "";
    int hyphen = rest.lastIndexOf('-');
    if (hyphen >= 0) {
      upstream = rest.substring(0, hyphen);
      revision = rest.substring(hyphen + 1);
      if (revision.isEmpty()) {
        throw invalid(raw, "revision number is empty");
      }
    }
    if (upstream.isEmpty()) {
      throw invalid(raw, "version number is empty");
    }
    for (int i = 0; i < upstream.length(); i++) {
      char c = upstream.charAt(i);
      if (!Numerals.isDigit(c) && !Numerals.isAsciiLetter(c) && ".-+~:".indexOf(c) < 0) {
        throw invalid(raw, "invalid character in version number");
      }
    }
    for (int i = 0; i < revision.length(); i++) {
      char c = revision.charAt(i);
      if (!Numerals.isDigit(c) && !Numerals.isAsciiLetter(c) && ".+~".indexOf(c) < 0) {
        throw invalid(raw, "invalid character in revision number");
      }
    }
    return new Parsed(epoch, upstream, revision);
  }

  private static VersionFormatException invalid(String raw, String why) {
    return new VersionFormatException(raw, ORDERING, why);
  }

  /** The weight of one character in a non-digit run; 0 stands for the end of the run. */
  private static int order(int c) {
    if (Numerals.isDigit((char) c)) {
      return 0;
    }
    if (Numerals.isAsciiLetter((char) c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c == 0 ? 0 : c + 256;
  }

  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      int firstDiff = 0;
      while ((i < a.length() && !Numerals.isDigit(a.charAt(i)))
          || (j < b.length() && !Numerals.isDigit(b.charAt(j)))) {
        int ac = i < a.length() ? order(a.charAt(i)) : 0;
        int bc = j < b.length() ? order(b.charAt(j)) : 0;
        if (ac != bc) {
          return Integer.signum(ac - bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      while (i < a.length()
          && Numerals.isDigit(a.charAt(i))
          && j < b.length()
          && Numerals.isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && Numerals.isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && Numerals.isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return Integer.signum(firstDiff);
      }
    }
    return 0;
  }
}
