package io.kubeattest.image.version;

/**
 * NuGet's ordering: SemVer with up to four numeric parts ({@code 1.0 = 1.0.0.0}), leading zeros
 * ignored, pre-release labels compared case-insensitively, build metadata ignored.
 */
final class NuGetVersionComparator {
  private NuGetVersionComparator() {}

  static int compare(String a, String b) {
    return SemverComparator.compareParsed(
        SemverComparator.parse(a, "NuGet", true), SemverComparator.parse(b, "NuGet", true));
  }
}
