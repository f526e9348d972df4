package io.kubeattest.image.version;

import org.jspecify.annotations.Nullable;

/**
 * RPM's ordering of {@code [epoch:]version[-release]}: the epoch (digits before the first colon;
 * missing means 0) compares as a number, then version and release with {@code rpmvercmp}: runs of
 * digits compare numerically and beat runs of letters, other characters only separate, {@code ~}
 * sorts before anything (pre-releases) and {@code ^} after the end but before more text
 * (snapshots). A version with a release sorts after the same version without one.
 */
final class RpmVersionComparator {
  private RpmVersionComparator() {}

  private record Parsed(String epoch, String version, @Nullable String release) {}

  static int compare(String a, String b) {
    Parsed x = parse(a);
    Parsed y = parse(b);
    int c = Numerals.compare(x.epoch, y.epoch);
    if (c != 0) {
      return c;
    }
    c = rpmvercmp(x.version, y.version);
    if (c != 0) {
      return c;
    }
    if (x.release == null || y.release == null) {
      return x.release == null ? (y.release == null ? 0 : -1) : 1;
    }
    return rpmvercmp(x.release, y.release);
  }

  private static Parsed parse(String raw) {
    if (raw.isBlank()) {
      throw new VersionFormatException(raw, "rpm", "version string is empty");
    }
    String epoch = "0";
    String rest = raw;
    int colon = raw.indexOf(':');
    if (colon >= 0 && allDigits(raw.substring(0, colon))) {
      epoch = raw.substring(0, colon);
      rest = raw.substring(colon + 1);
    }
    int hyphen = rest.lastIndexOf('-');
    if (hyphen < 0) {
      return new Parsed(epoch, rest, null);
    }
    return new Parsed(epoch, rest.substring(0, hyphen), rest.substring(hyphen + 1));
  }

  private static boolean allDigits(String s) {
    return s.isEmpty() || Numerals.isNumeral(s);
  }

  private static boolean isSeparator(char c) {
    return !Numerals.isDigit(c) && !Numerals.isAsciiLetter(c) && c != '~' && c != '^';
  }

  /** rpmvercmp(3) over one version or release string. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && isSeparator(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isSeparator(b.charAt(j))) {
        j++;
      }
      boolean at = i < a.length() && a.charAt(i) == '~';
      boolean bt = j < b.length() && b.charAt(j) == '~';
      if (at || bt) {
        if (at && bt) {
          i++;
          j++;
          continue;
        }
        return at ? -1 : 1;
      }
      boolean ac = i < a.length() && a.charAt(i) == '^';
      boolean bc = j < b.length() && b.charAt(j) == '^';
      if (ac || bc) {
        if (ac && bc) {
          i++;
          j++;
          continue;
        }
        if (ac) {
          return j == b.length() ? 1 : -1;
        }
        return i == a.length() ? -1 : 1;
      }
      if (i == a.length() || j == b.length()) {
        break;
      }
      boolean numeric = Numerals.isDigit(a.charAt(i));
      int si = i;
      int sj = j;
      while (i < a.length() && sameKind(a.charAt(i), numeric)) {
        i++;
      }
      while (j < b.length() && sameKind(b.charAt(j), numeric)) {
        j++;
      }
      if (sj == j) {
        return numeric ? 1 : -1;
      }
      String sa = a.substring(si, i);
      String sb = b.substring(sj, j);
      int c = numeric ? Numerals.compare(sa, sb) : Integer.signum(sa.compareTo(sb));
      if (c != 0) {
        return c;
      }
    }
    if (i == a.length() && j == b.length()) {
      return 0;
    }
    return i == a.length() ? -1 : 1;
  }

  private static boolean sameKind(char c, boolean numeric) {
    return numeric ? Numerals.isDigit(c) : Numerals.isAsciiLetter(c);
  }
}
