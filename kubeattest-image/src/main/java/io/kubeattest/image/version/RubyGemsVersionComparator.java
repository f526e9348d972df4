package io.kubeattest.image.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gem::Version ordering: the version is read as runs of digits and runs of letters ({@code -}
 * meaning {@code .pre.}); trailing zeros are dropped from the numeric head and from the rest
 * separately; then parts compare pairwise, missing parts counting as 0, a number beating a string
 * (so any letters make a pre-release), strings in ASCII order.
 */
final class RubyGemsVersionComparator {
  private static final Pattern SHAPE = Pattern.compile("^[0-9]+[0-9A-Za-z.-]*$");
  private static final Pattern PART = Pattern.compile("[0-9]+|[a-zA-Z]+");

  private RubyGemsVersionComparator() {}

  static int compare(String a, String b) {
    List<String> x = segments(a);
    List<String> y = segments(b);
    int n = Math.max(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      String s = i < x.size() ? x.get(i) : "0";
      String t = i < y.size() ? y.get(i) : "0";
      boolean sn = Numerals.isNumeral(s);
      boolean tn = Numerals.isNumeral(t);
      int c;
      if (sn && tn) {
        c = Numerals.compare(s, t);
      } else if (sn != tn) {
        c = sn ? 1 : -1;
      } else {
        c = Integer.signum(s.compareTo(t));
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<String> segments(String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      v = "0";
    }
    if (!SHAPE.matcher(v).matches()) {
      throw new VersionFormatException(
          raw, "RubyGems", "expected a number, then digits, letters, '.' and '-'");
    }
    v = v.replace("-", ".pre.");
    List<String> all = new ArrayList<>();
    Matcher m = PART.matcher(v);
    while (m.find()) {
      String p = m.group();
      all.add(Numerals.isNumeral(p) ? Numerals.canonical(p) : p);
    }
    int firstString = 0;
    while (firstString < all.size() && Numerals.isNumeral(all.get(firstString))) {
      firstString++;
    }
    List<String> result = new ArrayList<>(withoutTrailingZeros(all.subList(0, firstString)));
    result.addAll(withoutTrailingZeros(all.subList(firstString, all.size())));
    return result;
  }

  private static List<String> withoutTrailingZeros(List<String> parts) {
    int end = parts.size();
    while (end > 0 && parts.get(end - 1).equals("0")) {
      end--;
    }
    return parts.subList(0, end);
  }
}
