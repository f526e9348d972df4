package io.kubeattest.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md, held by the build. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kubeattest");

  @Test
  @DisplayName(
      "the engine depends on no other kubeattest module, because every front end shares it")
  void engineStandsAlone() {
    noClasses()
        .that()
        .resideInAPackage("io.kubeattest.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.kubeattest.sources..",
            "io.kubeattest.report..",
            "io.kubeattest.image..",
            "io.kubeattest.cli..",
            "io.kubeattest.server..")
        .because("dependencies point one way, toward the engine")
        .check(CLASSES);
  }

  @Test
  @DisplayName("only the CLI uses picocli, because front ends stay thin and replaceable")
  void picocliOnlyInCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeattest.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .because("only the command line parses arguments")
        .check(CLASSES);
  }

  @Test
  @DisplayName(
      "CycloneDX types stay in image.sbom, because SBOMs are one adapter among the reports")
  void cyclonedxStaysInSbom() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeattest.image.sbom..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cyclonedx..")
        .because("the rest of the code sees ImageReport and ImagePackage, not the SBOM model")
        .check(CLASSES);
  }

  @Test
  @DisplayName(
      "the zstd decoder stays in image.fs (and the test images that compress with it), because"
          + " every layer is read there under its limits")
  void zstdDecoderStaysInFs() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.kubeattest.image.fs..", "io.kubeattest.image.testing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.github.luben.zstd..", "org.apache.commons.compress.compressors.zstandard..")
        .because(
            "decompressed bytes must pass the layer size and ratio limits and the frame checks of"
                + " ZstdFrameStream")
        .check(CLASSES);
  }

  @Test
  @DisplayName(
      "only image.registry speaks HTTP in the image module, because digests are checked there")
  void httpOnlyInRegistry() {
    noClasses()
        .that()
        .resideInAPackage("io.kubeattest.image..")
        .and()
        .resideOutsideOfPackages("io.kubeattest.image.registry..", "io.kubeattest.image.vulndb..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.net.http..")
        .because(
            "every image blob from the network goes through the registry client's digest checks,"
                + " and OSV archives through the downloader's size limits")
        .check(CLASSES);
  }

  @Test
  @DisplayName("CEL types stay in the rules package, because the rest of the code sees our model")
  void celStaysInRules() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeattest.engine.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.cel..")
        .because("CEL is an implementation detail of rule evaluation")
        .check(CLASSES);
  }

  @Test
  @DisplayName(
      "only sources.cluster imports fabric8, because the rest of the code sees KubernetesObjects")
  void fabric8OnlyInClusterSource() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.kubeattest.sources.cluster..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .because("the Kubernetes client is one adapter; rules and reports never see its types")
        .check(CLASSES);
  }

  @Test
  @DisplayName("SnakeYAML stays in the tree package, because trees are our own type")
  void yamlStaysInTree() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.kubeattest.engine.tree..", "io.kubeattest.sources.node..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.yaml.snakeyaml..")
        .because("YAML parsing with positions and limits lives in one place")
        .check(CLASSES);
  }

  @Test
  @DisplayName("the engine never prints, because front ends decide what a user sees")
  void engineDoesNotPrint() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.kubeattest.engine..",
            "io.kubeattest.sources..",
            "io.kubeattest.report..",
            "io.kubeattest.image..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("libraries emit events; the CLI renders them")
        .check(CLASSES);
  }

  @Test
  @DisplayName(
      "JDBC stays in the vulnerability store and the RPM reader, because SQL is their detail")
  void jdbcStaysInStores() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.kubeattest.image.vulndb..", "io.kubeattest.image.pkg..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.sql..")
        .because("the rest of the code sees OSV records and packages, not rows")
        .check(CLASSES);
  }
}
