package io.kubeattest.image.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpine's apk version ordering: {@code
 * number{.number}...{letter}{_suffix{number}}...{~hash}{-rN}}. Number parts compare numerically,
 * except that a part after the first that starts with {@code 0} compares as text (apk's fractional
 * rule); a letter sorts after no letter; suffixes order {@code _alpha < _beta < _pre < _rc < (none)
 * < _cvs < _svn < _git < _hg < _p}; then the {@code -rN} revision; commit hashes are ignored. A
 * version with trailing text apk cannot read sorts before the same version without it; two such
 * versions compare as plain strings, as {@code apk version -t} does.
 */
final class ApkVersionComparator {
  private static final Pattern NUMBERS = Pattern.compile("^(?:\\d+\\.?)*");
  private static final Pattern SUFFIX =
      Pattern.compile("^_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\\d*)");
  private static final Pattern HASH = Pattern.compile("^~[0-9a-f]+");
  private static final Pattern REVISION = Pattern.compile("^-r(\\d*)");
  private static final List<String> SUFFIX_ORDER =
      List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
  private static final int NO_SUFFIX = SUFFIX_ORDER.indexOf("");

  private ApkVersionComparator() {}

  private record Suffix(int weight, String number) {}

  private record Parsed(
      String original,
      List<String> numbers,
      String letter,
      List<Suffix> suffixes,
      String revision,
      String remainder,
      boolean invalid) {}

  static int compare(String a, String b) {
    Parsed x = parse(a);
    Parsed y = parse(b);
    if (x.invalid && y.invalid) {
      return Integer.signum(x.original.compareTo(y.original));
    }
    int c = compareNumbers(x.numbers, y.numbers);
    if (c != 0) {
      return c;
    }
    c = compareLetters(x.letter, y.letter);
    if (c != 0) {
      return c;
    }
    int n = Math.max(x.suffixes.size(), y.suffixes.size());
    for (int i = 0; i < n; i++) {
      Suffix s = i < x.suffixes.size() ? x.suffixes.get(i) : new Suffix(NO_SUFFIX, "0");
      Suffix t = i < y.suffixes.size() ? y.suffixes.get(i) : new Suffix(NO_SUFFIX, "0");
      c =
          s.weight != t.weight
              ? Integer.compare(s.weight, t.weight)
              : Numerals.compare(s.number, t.number);
      if (c != 0) {
        return c;
      }
    }
    c = Numerals.compare(x.revision, y.revision);
    if (c != 0) {
      return c;
    }
    return Boolean.compare(x.remainder.isEmpty(), y.remainder.isEmpty());
  }

  private static int compareNumbers(List<String> a, List<String> b) {
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String s = i < a.size() ? a.get(i) : null;
      String t = i < b.size() ? b.get(i) : null;
      int c;
      if (s != null && t != null && i > 0 && (s.startsWith("0") || t.startsWith("0"))) {
        c = Integer.signum(s.compareTo(t));
      } else {
        c = Numerals.compare(s == null ? "0" : s, t == null ? "0" : t);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareLetters(String a, String b) {
    if (a.isEmpty() != b.isEmpty()) {
      return a.isEmpty() ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  private static Parsed parse(String raw) {
    if (raw.isBlank()) {
      throw new VersionFormatException(raw, "apk", "version string is empty");
    }
    String s = raw;
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBERS.matcher(s);
    if (m.find() && m.end() > 0) {
      String run = m.group();
      for (String part : run.split("\\.", -1)) {
        numbers.add(part);
      }
      if (numbers.get(numbers.size() - 1).isEmpty()) {
        numbers.remove(numbers.size() - 1);
      }
      s = s.substring(m.end());
    }
    String letter = "";
    if (!s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z') {
      letter = s.substring(0, 1);
      s = s.substring(1);
    }
    List<Suffix> suffixes = new ArrayList<>();
    for (m = SUFFIX.matcher(s); m.find(); m = SUFFIX.matcher(s)) {
      suffixes.add(new Suffix(SUFFIX_ORDER.indexOf(m.group(1)), m.group(2)));
      s = s.substring(m.end());
    }
    m = HASH.matcher(s);
    if (m.find()) {
      s = s.substring(m.end());
    }
    String revision = "0";
    boolean invalid = false;
    if (!s.isEmpty()) {
      m = REVISION.matcher(s);
      if (m.find()) {
        revision = m.group(1);
        s = s.substring(m.end());
      } else {
        invalid = true;
      }
    }
    return new Parsed(
        raw, List.copyOf(numbers), letter, List.copyOf(suffixes), revision, s, invalid);
  }
}
