package io.kubeattest.image.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PEP 440 ordering, as the {@code packaging} library sorts: epoch, release (zero-padded), then
 * pre-release ({@code a < b < rc}; a dev release of a final sorts before its pre-releases), post
 * release, dev release, local version (numeric parts above text parts, more parts above fewer).
 * Spellings are normalised ({@code alpha}=a, {@code c}/{@code pre}/{@code preview}=rc, {@code
 * rev}/{@code r}/{@code -N}=post, case, separators). Strings outside PEP 440 ("legacy" versions)
 * sort before every PEP 440 version and among themselves by setuptools' old parts rule.
 */
final class Pep440Comparator {
  private static final Pattern PEP440 =
      Pattern.compile(
          "^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<prel>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<pren>[0-9]+)?)?"
              + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?)"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$");
  private static final Pattern LEGACY_PART = Pattern.compile("\\d+|[a-z]+|\\.|-");

  private Pep440Comparator() {}

  /** A pre-release phase rank (0 a, 1 b, 2 rc) and number. */
  private record Pre(int phase, String number) {}

  private record Parsed(
      @Nullable List<String> legacy,
      String epoch,
      List<String> release,
      @Nullable Pre pre,
      @Nullable String post,
      @Nullable String dev,
      List<String> local) {}

  static int compare(String a, String b) {
    Parsed x = parse(a);
    Parsed y = parse(b);
    if (x.legacy != null || y.legacy != null) {
      if (x.legacy == null || y.legacy == null) {
        return x.legacy == null ? 1 : -1;
      }
      return Integer.signum(String.join("", x.legacy).compareTo(String.join("", y.legacy)));
    }
    int c = Numerals.compare(x.epoch, y.epoch);
    if (c != 0) {
      return c;
    }
    c = SemverComparator.compareCore(x.release, y.release);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preKey(x), preKey(y));
    if (c == 0 && x.pre != null && y.pre != null) {
      c =
          x.pre.phase != y.pre.phase
              ? Integer.compare(x.pre.phase, y.pre.phase)
              : Numerals.compare(x.pre.number, y.pre.number);
    }
    if (c != 0) {
      return c;
    }
    c = compareOptional(x.post, y.post, -1);
    if (c != 0) {
      return c;
    }
    c = compareOptional(x.dev, y.dev, 1);
    if (c != 0) {
      return c;
    }
    return compareLocal(x.local, y.local);
  }

  /** -1 for a dev-only release (before all pre-releases), 0 with a pre-release, 1 without. */
  private static int preKey(Parsed p) {
    if (p.pre == null && p.post == null && p.dev != null) {
      return -1;
    }
    return p.pre == null ? 1 : 0;
  }

  /** Compares optional numbers; {@code absent} is the sign of a missing one against a present. */
  private static int compareOptional(@Nullable String a, @Nullable String b, int absent) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : absent) : -absent;
    }
    return Numerals.compare(a, b);
  }

  private static int compareLocal(List<String> a, List<String> b) {
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
        c = sn ? 1 : -1;
      } else {
        c = Integer.signum(s.compareTo(t));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static Parsed parse(String raw) {
    if (raw.isBlank()) {
      throw new VersionFormatException(raw, "PEP 440", "version string is empty");
    }
    String s = raw.toLowerCase(Locale.ROOT);
    Matcher m = PEP440.matcher(s);
    if (!m.matches()) {
      return new Parsed(legacyParts(s), "0", List.of(), null, null, null, List.of());
    }
    String epoch = m.group("epoch") == null ? "0" : m.group("epoch");
    List<String> release = List.of(m.group("release").split("\\."));
    Pre pre = null;
    if (m.group("prel") != null) {
      pre = new Pre(phase(m.group("prel")), orZero(m.group("pren")));
    }
    String post = null;
    if (m.group("postn1") != null) {
      post = m.group("postn1");
    } else if (m.group("postl") != null) {
      post = orZero(m.group("postn2"));
    }
    String dev = m.group("devl") == null ? null : orZero(m.group("devn"));
    List<String> local =
        m.group("local") == null ? List.of() : List.of(m.group("local").split("[-_.]"));
    return new Parsed(null, epoch, release, pre, post, dev, local);
  }

  private static int phase(String label) {
    return switch (label) {
      case "a", "alpha" -> 0;
      case "b", "beta" -> 1;
      default -> 2;
    };
  }

  private static String orZero(@Nullable String number) {
    return number == null ? "0" : number;
  }

  /** setuptools' legacy parse_version parts, padded and tagged so they compare as strings. */
  private static List<String> legacyParts(String s) {
    List<String> raw = new ArrayList<>();
    Matcher m = LEGACY_PART.matcher(s);
    while (m.find()) {
      raw.add(m.group());
    }
    raw.add("final");
    List<String> parts = new ArrayList<>();
    for (String part : raw) {
      if (part.equals(".")) {
        continue;
      }
      String p = legacyPart(part);
      if (p.startsWith("*")) {
        if (p.compareTo("*final") < 0) {
          while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
            parts.remove(parts.size() - 1);
          }
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
          parts.remove(parts.size() - 1);
        }
      }
      parts.add(p);
    }
    return parts;
  }

  private static String legacyPart(String part) {
    String p =
        switch (part) {
          case "pre", "preview", "rc" -> "c";
          case "-" -> "final-";
          case "dev" -> "@";
          default -> part;
        };
    if (Numerals.isDigit(p.charAt(0))) {
      return "0".repeat(Math.max(0, 8 - p.length())) + p;
    }
    return "*" + p;
  }
}
