package io.kubeattest.image.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

@DisplayName("Every line of every version-vector file holds in both directions")
class VersionVectorTest {

  /** Which files each ecosystem is held to. */
  private static final List<Object[]> CASES =
      List.of(
          new Object[] {Ecosystem.DEBIAN, "debian-versions.txt"},
          new Object[] {Ecosystem.DEBIAN, "debian-versions-generated.txt"},
          new Object[] {Ecosystem.UBUNTU, "debian-versions.txt"},
          new Object[] {Ecosystem.ALPINE, "alpine-versions.txt"},
          new Object[] {Ecosystem.ALPINE, "alpine-versions-generated.txt"},
          new Object[] {Ecosystem.RED_HAT, "redhat-versions.txt"},
          new Object[] {Ecosystem.SUSE, "redhat-versions.txt"},
          new Object[] {Ecosystem.NPM, "semver-versions.txt"},
          new Object[] {Ecosystem.CRATES_IO, "semver-versions.txt"},
          new Object[] {Ecosystem.GO, "semver-versions.txt"},
          new Object[] {Ecosystem.MAVEN, "maven-versions.txt"},
          new Object[] {Ecosystem.MAVEN, "maven-versions-generated.txt"},
          new Object[] {Ecosystem.PYPI, "pypi-versions.txt"},
          new Object[] {Ecosystem.PYPI, "pypi-versions-generated.txt"},
          new Object[] {Ecosystem.RUBYGEMS, "rubygems-versions.txt"},
          new Object[] {Ecosystem.RUBYGEMS, "rubygems-versions-generated.txt"},
          new Object[] {Ecosystem.NUGET, "nuget-versions.txt"},
          new Object[] {Ecosystem.PACKAGIST, "packagist-versions.txt"},
          new Object[] {Ecosystem.PACKAGIST, "packagist-versions-generated.txt"},
          new Object[] {Ecosystem.PUB, "pub-versions.txt"},
          new Object[] {Ecosystem.CRAN, "cran-versions.txt"},
          new Object[] {Ecosystem.CRAN, "cran-versions-generated.txt"},
          new Object[] {Ecosystem.HACKAGE, "hackage-versions.txt"});

  @TestFactory
  Stream<DynamicTest> vectorFiles() {
    return CASES.stream()
        .map(
            c -> {
              Ecosystem ecosystem = (Ecosystem) c[0];
              String file = (String) c[1];
              List<VersionVectors.Vector> vectors = VersionVectors.read(file);
              return DynamicTest.dynamicTest(
                  ecosystem.osvName() + ": " + file + " (" + vectors.size() + " lines)",
                  () -> assertThat(failures(ecosystem, vectors)).isEmpty());
            });
  }

  private static List<String> failures(Ecosystem ecosystem, List<VersionVectors.Vector> vectors) {
    List<String> failures = new ArrayList<>();
    for (VersionVectors.Vector v : vectors) {
      try {
        int forward = Integer.signum(ecosystem.compare(v.left(), v.right()));
        int backward = Integer.signum(ecosystem.compare(v.right(), v.left()));
        if (forward != v.expected() || backward != -v.expected()) {
          failures.add(v + " but got " + forward + " / reversed " + backward);
        }
      } catch (RuntimeException e) {
        failures.add(v + " threw " + e.getMessage());
      }
    }
    return failures;
  }

  @TestFactory
  @DisplayName("Every version in the vectors is equal to itself")
  Stream<DynamicTest> reflexive() {
    return CASES.stream()
        .map(
            c -> {
              Ecosystem ecosystem = (Ecosystem) c[0];
              String file = (String) c[1];
              return DynamicTest.dynamicTest(
                  ecosystem.osvName() + ": " + file,
                  () -> {
                    List<String> failures = new ArrayList<>();
                    for (VersionVectors.Vector v : VersionVectors.read(file)) {
                      for (String s : List.of(v.left(), v.right())) {
                        if (ecosystem.compare(s, s) != 0) {
                          failures.add(s);
                        }
                      }
                    }
                    assertThat(failures).isEmpty();
                  });
            });
  }
}
