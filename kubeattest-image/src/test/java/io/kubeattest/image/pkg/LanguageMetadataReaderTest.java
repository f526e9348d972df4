package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageMetadataReaderTest {
  private final NpmPackageReader npm = new NpmPackageReader();
  private final PythonMetadataReader python = new PythonMetadataReader();

  private static List<InstalledPackage> read(
      PackageDatabaseReader reader, String location, String text) {
    return reader.read(location, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("npm: name, version and licence of a scoped and an unscoped package, with purls")
  void npmPackages() {
    InstalledPackage scoped =
        read(
                npm,
                "app/node_modules/@babel/core/package.json",
                "{\"name\":\"@babel/core\",\"version\":\"7.23.2\",\"license\":\"MIT\"}")
            .get(0);
    InstalledPackage legacy =
        read(
                npm,
                "app/node_modules/lodash/package.json",
                "{\"name\":\"lodash\",\"version\":\"4.17.20\","
                    + "\"licenses\":[{\"type\":\"MIT\",\"url\":\"x\"}]}")
            .get(0);

    assertThat(scoped.purl(null)).isEqualTo("pkg:npm/%40babel/core@7.23.2");
    assertThat(scoped.licence()).isEqualTo("MIT");
    assertThat(legacy.purl(null)).isEqualTo("pkg:npm/lodash@4.17.20");
    assertThat(legacy.licence()).isEqualTo("MIT");
  }

  @Test
  @DisplayName("npm: private packages and nameless module markers give nothing; bad JSON an error")
  void npmSkipsAndErrors() {
    assertThat(
            read(
                npm,
                "node_modules/x/package.json",
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"private\":true}"))
        .isEmpty();
    assertThat(read(npm, "node_modules/x/dist/package.json", "{\"type\":\"module\"}")).isEmpty();
    assertThatThrownBy(() -> read(npm, "node_modules/x/package.json", "{\"name\": "))
        .isInstanceOf(PackageReadException.class)
        .hasMessageStartingWith("node_modules/x/package.json: not valid JSON: ")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "app/node_modules/lodash/package.json, true",
    "node_modules/@types/node/package.json, true",
    "app/node_modules/a/node_modules/b/package.json, true",
    "app/package.json, false",
    "app/node_modules/lodash/dist/package.json, false",
    "app/node_modules/@types/package.json, false"
  })
  @DisplayName("npm: accepts package.json files of installed packages only")
  void npmAccepts(String path, boolean expected) {
    assertThat(npm.accepts(path)).isEqualTo(expected);
  }

  @Test
  @DisplayName(
      "Python: Name, Version and licence from METADATA; the purl name is PEP 503 normalised")
  void pythonMetadata() {
    String metadata =
        """
        Metadata-Version: 2.1
        Name: Flask_SQLAlchemy
        Version: 3.1.1
        Summary: Add SQLAlchemy support to your Flask application.
        License: BSD-3-Clause
        Classifier: License :: OSI Approved :: BSD License
        Requires-Dist: flask>=2.2.5

        Flask-SQLAlchemy
        ================
        Name: not-a-header
        """;
    InstalledPackage p =
        read(
                python,
                "usr/lib/python3/site-packages/Flask_SQLAlchemy-3.1.1.dist-info/METADATA",
                metadata)
            .get(0);

    assertThat(p.name()).isEqualTo("Flask_SQLAlchemy");
    assertThat(p.licence()).isEqualTo("BSD-3-Clause");
    assertThat(p.purl(null)).isEqualTo("pkg:pypi/flask-sqlalchemy@3.1.1");
  }

  @Test
  @DisplayName("Python: egg-info PKG-INFO with a multi-line licence keeps no licence")
  void pythonEggInfo() {
    String pkgInfo =
        """
        Metadata-Version: 1.1
        Name: zope.interface
        Version: 5.4.0
        License: ZPL 2.1
                and more text
        Description: x
        """;
    InstalledPackage p = read(python, "x/zope.interface-5.4.0.egg-info/PKG-INFO", pkgInfo).get(0);

    assertThat(p.licence()).isNull();
    assertThat(p.purl(null)).isEqualTo("pkg:pypi/zope-interface@5.4.0");
    assertThatThrownBy(
            () -> read(python, "y.dist-info/METADATA", "Metadata-Version: 2.1\nName: y\n"))
        .isInstanceOf(PackageReadException.class)
        .hasMessage("y.dist-info/METADATA: Python metadata without a Name and a Version header");
    assertThat(python.accepts("usr/lib/python3.11/site-packages/pip-23.0.dist-info/METADATA"))
        .isTrue();
    assertThat(python.accepts("usr/lib/python3/dist-packages/six-1.16.0.egg-info")).isTrue();
    assertThat(python.accepts("usr/lib/python3/dist-packages/six.py")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Django, django",
    "zope.interface, zope-interface",
    "ruamel.yaml.clib, ruamel-yaml-clib",
    "Foo__Bar--baz, foo-bar-baz"
  })
  @DisplayName("PEP 503 normalisation: lower case, runs of - _ . become one -")
  void pep503(String name, String normalised) {
    assertThat(InstalledPackage.normalisedPythonName(name)).isEqualTo(normalised);
  }
}
