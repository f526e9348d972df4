package io.kubeattest.image.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maven's version order specification (the POM reference; ComparableVersion). A version is split
 * into tokens at {@code .}, {@code -} and digit/letter transitions (a transition counts as {@code
 * -}); empty tokens are 0; trailing "null" tokens (0, "", final, ga, release) are trimmed at the
 * end and before each hyphen. Tokens compare pairwise, the shorter version padded with nulls: with
 * equal separators numbers compare numerically and qualifiers as {@code alpha < beta < milestone <
 * rc = cr < snapshot < "" = final = ga = release < sp < other (alphabetical)}, a number beating a
 * qualifier; with different separators {@code .qualifier < -qualifier < -number < .number}. {@code
 * a}, {@code b}, {@code m} directly followed by a digit mean alpha, beta, milestone. Case is
 * ignored.
 */
final class MavenVersionComparator {
  private static final List<String> QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

  private MavenVersionComparator() {}

  /** One token: its separator ('.' or '-'), its text, and whether it is padding. */
  private record Token(char separator, String value, boolean padding) {
    boolean numeric() {
      return Numerals.isNumeral(value);
    }

    boolean isNull() {
      return value.equals("0") || value.isEmpty();
    }

    boolean sameAs(Token o) {
      return separator == o.separator && value.equals(o.value);
    }
  }

  static int compare(String a, String b) {
    if (a.isBlank() || b.isBlank()) {
      throw new VersionFormatException(a.isBlank() ? a : b, "Maven", "version string is empty");
    }
    List<Token> x = tokens(a);
    List<Token> y = tokens(b);
    int n = Math.max(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      Token s = i < x.size() ? x.get(i) : pad(y.get(i));
      Token t = i < y.size() ? y.get(i) : pad(x.get(i));
      if (!s.sameAs(t)) {
        return less(s, t) ? -1 : 1;
      }
    }
    return 0;
  }

  private static Token pad(Token other) {
    if (other.separator == '.') {
      return new Token('.', other.value.equals("sp") ? "" : "0", true);
    }
    return new Token('-', "", true);
  }

  private static boolean less(Token s, Token t) {
    if (s.separator == t.separator) {
      boolean sn = s.numeric();
      boolean tn = t.numeric();
      if (sn && tn) {
        return Numerals.compare(s.value, t.value) < 0;
      }
      if (sn && !s.padding) {
        return false;
      }
      if (tn && !t.padding) {
        return true;
      }
      int si = rank(s.value);
      int ti = rank(t.value);
      if (si == QUALIFIERS.size() && ti == QUALIFIERS.size()) {
        return s.value.compareTo(t.value) < 0;
      }
      return si < ti;
    }
    return separatorRank(s) < separatorRank(t);
  }

  private static int rank(String qualifier) {
    int i = QUALIFIERS.indexOf(qualifier);
    return i < 0 ? QUALIFIERS.size() : i;
  }

  private static int separatorRank(Token t) {
    if (t.numeric()) {
      return t.separator == '-' ? 2 : 3;
    }
    return t.separator == '-' ? 1 : 0;
  }

  private static List<Token> tokens(String version) {
    String v = version.strip().toLowerCase(Locale.ROOT);
    List<Token> tokens = new ArrayList<>();
    char separator = '-';
    int start = 0;
    for (int i = 0; i <= v.length(); i++) {
      char c = i < v.length() ? v.charAt(i) : '.';
      if (c == '.' || c == '-' || i == v.length()) {
        addPart(tokens, separator, v.substring(start, i));
        separator = c;
        start = i + 1;
      }
    }
    trimNulls(tokens);
    return tokens;
  }

  /** Splits one part between separators at digit/letter transitions, which count as hyphens. */
  private static void addPart(List<Token> tokens, char separator, String part) {
    char sep = separator;
    int start = 0;
    for (int i = 1; i <= part.length(); i++) {
      if (i == part.length()
          || Numerals.isDigit(part.charAt(i)) != Numerals.isDigit(part.charAt(i - 1))) {
        String value = part.substring(start, i);
        boolean followedByDigit = i < part.length();
        tokens.add(new Token(sep, normalise(value, followedByDigit), false));
        sep = '-';
        start = i;
      }
    }
    if (part.isEmpty()) {
      tokens.add(new Token(sep, "0", false));
    }
  }

  private static String normalise(String value, boolean followedByDigit) {
    if (Numerals.isNumeral(value)) {
      return Numerals.canonical(value);
    }
    String alias =
        switch (value) {
          case "cr" -> "rc";
          case "ga", "final", "release" -> "";
          default -> value;
        };
    if (!followedByDigit) {
      return alias;
    }
    return switch (alias) {
      case "a" -> "alpha";
      case "b" -> "beta";
      case "m" -> "milestone";
      default -> alias;
    };
  }

  /** Removes trailing null tokens at the end and before each remaining hyphen, from the end. */
  private static void trimNulls(List<Token> tokens) {
    int i = tokens.size() - 1;
    while (i > 0) {
      if (tokens.get(i).isNull()) {
        tokens.remove(i);
        i--;
        continue;
      }
      while (i >= 0 && tokens.get(i).separator != '-') {
        i--;
      }
      i--;
    }
  }
}
