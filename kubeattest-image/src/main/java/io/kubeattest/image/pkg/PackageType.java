package io.kubeattest.image.pkg;

/**
 * The kinds of package kubeattest extracts, named after their purl types. (Not OSV's ecosystems:
 * those also name the distribution, e.g. {@code Debian:12}.)
 */
public enum PackageType {
  DEB("deb"),
  APK("apk"),
  RPM("rpm"),
  MAVEN("maven"),
  NPM("npm"),
  PYPI("pypi"),
  GOLANG("golang");

  private final String purlType;

  PackageType(String purlType) {
    this.purlType = purlType;
  }

  /** The purl type, as in {@code pkg:deb/...}. */
  public String purlType() {
    return purlType;
  }
}
