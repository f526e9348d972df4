package io.kubeattest.image.osv;

import io.kubeattest.image.version.Ecosystem;
import io.kubeattest.image.version.VersionFormatException;
import io.kubeattest.image.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a package version is affected by an OSV record, with the OSV schema's semantics:
 * an {@code affected} entry applies when its ecosystem (and release, if both sides have one) and
 * package name match; the version is affected if it is listed in {@code versions} or falls in any
 * SEMVER or ECOSYSTEM range. Within a range, events are sorted by the range's ordering ({@code
 * introduced: "0"} first; at equal versions introduced before fixed) and walked in order: an {@code
 * introduced} at or below the version opens, a {@code fixed} at or below it closes (fixed is
 * exclusive), a {@code last_affected} below it closes (inclusive); a version at or above every
 * {@code limit} is outside the range. GIT ranges never match package versions. Withdrawn records
 * match nothing. Stateless and thread-safe.
 */
public final class AffectedMatcher {

  /**
   * The first {@code affected} entry of {@code record} that covers the queried package version.
   *
   * @throws VersionFormatException if the queried version cannot be read in its ecosystem
   * @throws OsvFormatException if a matching entry holds a version its ordering cannot read
   */
  public Optional<AffectedMatch> match(OsvRecord record, PackageQuery query) {
    if (record.isWithdrawn()) {
      return Optional.empty();
    }
    // reads the installed version once, so that a bad one is reported under its ecosystem's name
    query.ecosystem().compare(query.version(), query.version());
    for (Affected affected : record.affected()) {
      if (!appliesTo(affected.pkg(), query)) {
        continue;
      }
      try {
        if (isAffected(affected, query)) {
          return Optional.of(new AffectedMatch(record, affected, fixedAbove(affected, query)));
        }
      } catch (VersionFormatException e) {
        if (e.version().equals(query.version())) {
          throw e;
        }
        throw new OsvFormatException("OSV record " + record.id() + ": " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  private static boolean appliesTo(@Nullable AffectedPackage pkg, PackageQuery query) {
    if (pkg == null) {
      return false;
    }
    Optional<Ecosystem> ecosystem = Ecosystem.fromOsvName(pkg.ecosystem());
    if (ecosystem.isEmpty() || ecosystem.get() != query.ecosystem()) {
      return false;
    }
    if (!sameName(query.ecosystem(), pkg.name(), query.name())) {
      return false;
    }
    String release = releaseNumber(Ecosystem.osvRelease(pkg.ecosystem()).orElse(null));
    String wanted = releaseNumber(query.release());
    return release == null
        || wanted == null
        || wanted.equals(release)
        || wanted.startsWith(release + ".");
  }

  private static boolean sameName(Ecosystem ecosystem, String a, String b) {
    if (ecosystem == Ecosystem.PYPI) {
      return pep503(a).equals(pep503(b));
    }
    return a.equals(b);
  }

  private static String pep503(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /**
   * The numeric release in an OSV release suffix or an os-release version: the first
   * colon-separated part that starts with a digit, without a leading {@code v} ({@code
   * "Pro:18.04:LTS"} gives {@code "18.04"}, {@code "v3.19"} gives {@code "3.19"}); null if none.
   */
  private static @Nullable String releaseNumber(@Nullable String release) {
    if (release == null) {
      return null;
    }
    for (String part : release.split(":", -1)) {
      String p = part.strip();
      if (p.startsWith("v") || p.startsWith("V")) {
        p = p.substring(1);
      }
      if (!p.isEmpty() && Character.isDigit(p.charAt(0))) {
        return p;
      }
    }
    return null;
  }

  private static boolean isAffected(Affected affected, PackageQuery query) {
    VersionScheme scheme = query.ecosystem().scheme();
    for (String listed : affected.versions()) {
      if (listed.equals(query.version()) || scheme.compare(listed, query.version()) == 0) {
        return true;
      }
    }
    for (Range range : affected.ranges()) {
      if (range.type() != Range.Type.GIT && inRange(range, query)) {
        return true;
      }
    }
    return false;
  }

  private static VersionScheme ordering(Range range, PackageQuery query) {
    return range.type() == Range.Type.SEMVER ? VersionScheme.SEMVER : query.ecosystem().scheme();
  }

  private static boolean inRange(Range range, PackageQuery query) {
    VersionScheme scheme = ordering(range, query);
    String version = query.version();
    boolean limited = false;
    boolean belowSomeLimit = false;
    for (Event e : range.events()) {
      if (e.kind() == Event.Kind.LIMIT && !e.version().equals("*")) {
        limited = true;
        belowSomeLimit |= scheme.compare(version, e.version()) < 0;
      }
    }
    if (limited && !belowSomeLimit) {
      return false;
    }
    boolean affected = false;
    for (Event e : sorted(range.events(), scheme)) {
      switch (e.kind()) {
        case INTRODUCED -> {
          if (isZero(e) || scheme.compare(version, e.version()) >= 0) {
            affected = true;
          }
        }
        case FIXED -> {
          if (scheme.compare(version, e.version()) >= 0) {
            affected = false;
          }
        }
        case LAST_AFFECTED -> {
          if (scheme.compare(version, e.version()) > 0) {
            affected = false;
          }
        }
        case LIMIT -> {}
      }
    }
    return affected;
  }

  private static boolean isZero(Event e) {
    return e.kind() == Event.Kind.INTRODUCED && e.version().equals("0");
  }

  private static List<Event> sorted(List<Event> events, VersionScheme scheme) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e.kind() != Event.Kind.LIMIT) {
        out.add(e);
      }
    }
    Comparator<Event> byVersion =
        (a, b) -> {
          if (isZero(a) || isZero(b)) {
            return Boolean.compare(!isZero(a), !isZero(b));
          }
          return scheme.compare(a.version(), b.version());
        };
    out.sort(byVersion.thenComparing(Event::kind));
    return out;
  }

  private static @Nullable String fixedAbove(Affected affected, PackageQuery query) {
    String best = null;
    VersionScheme bestScheme = null;
    for (Range range : affected.ranges()) {
      if (range.type() == Range.Type.GIT) {
        continue;
      }
      VersionScheme scheme = ordering(range, query);
      for (Event e : range.events()) {
        if (e.kind() == Event.Kind.FIXED
            && scheme.compare(e.version(), query.version()) > 0
            && (best == null || bestScheme != scheme || scheme.compare(e.version(), best) < 0)) {
          best = e.version();
          bestScheme = scheme;
        }
      }
    }
    return best;
  }
}
