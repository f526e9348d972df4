package io.kubeattest.image.version;

import java.util.List;

/**
 * Dart pub's ordering: SemVer precedence, then build metadata, which pub also orders: no build
 * sorts before a build, and builds compare identifier by identifier like pre-releases.
 */
final class PubVersionComparator {
  private PubVersionComparator() {}

  static int compare(String a, String b) {
    SemverComparator.Parsed x = SemverComparator.parse(a, "Pub", false);
    SemverComparator.Parsed y = SemverComparator.parse(b, "Pub", false);
    int c = SemverComparator.compareParsed(x, y);
    if (c != 0) {
      return c;
    }
    if (x.build().isEmpty() != y.build().isEmpty()) {
      return x.build().isEmpty() ? -1 : 1;
    }
    return SemverComparator.compareIdentifiers(
        List.of(x.build().split("\\.", -1)), List.of(y.build().split("\\.", -1)));
  }
}
