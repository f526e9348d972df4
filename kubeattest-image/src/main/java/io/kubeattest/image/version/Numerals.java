package io.kubeattest.image.version;

/** Arbitrary-length unsigned decimal numerals, compared without parsing them into numbers. */
final class Numerals {
  private Numerals() {}

  /** True if {@code s} is one or more ASCII digits. */
  static boolean isNumeral(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Compares two numerals by value; an empty string counts as zero. */
  static int compare(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    return Integer.signum(x.compareTo(y));
  }

  static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  /** The canonical text of a numeral: no leading zeros, "0" for zero. */
  static String canonical(String s) {
    String x = stripZeros(s);
    return x.isEmpty() ? "0" : x;
  }
}
