package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmDatabaseReaderTest {
  private final RpmDatabaseReader reader = new RpmDatabaseReader();

  /** The line {@code rpm -qa --qf '%{NAME} %{EPOCH} %{VERSION} %{RELEASE} %{ARCH}\n'} prints. */
  static String oracleLine(InstalledPackage p) {
    return String.join(
        " ",
        p.name(),
        p.epoch() == null ? "(none)" : p.epoch().toString(),
        p.version(),
        p.release() == null ? "(none)" : p.release(),
        p.arch() == null ? "(none)" : p.arch());
  }

  static Set<String> oracleLines(List<InstalledPackage> packages) {
    return packages.stream().map(RpmDatabaseReaderTest::oracleLine).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cbl-mariner-2.0/rpmdb.sqlite, 129", "libuuid/Packages, 1"})
  @DisplayName("lists exactly the packages rpm -qa lists for the SQLite and Berkeley DB samples")
  void agreesWithRecordedOracle(String database, int count) {
    String dir = database.substring(0, database.indexOf('/'));
    List<InstalledPackage> packages = reader.read(TestResources.path("rpmdb/" + database));

    assertThat(packages).hasSize(count);
    assertThat(oracleLines(packages))
        .containsExactlyInAnyOrderElementsOf(TestResources.lines("rpmdb/" + dir + "/rpm-qa.txt"));
  }

  @Test
  @DisplayName("reads the SUSE NDB sample: 35 packages, each with name, version, release and arch")
  void readsNdb() {
    List<InstalledPackage> packages =
        reader.read(TestResources.path("rpmdb/sle15-bci/Packages.db"));

    assertThat(packages).hasSize(35);
    assertThat(packages)
        .allSatisfy(
            p -> {
              assertThat(p.type()).isEqualTo(PackageType.RPM);
              assertThat(p.release()).isNotBlank();
              assertThat(p.arch()).isIn("x86_64", "noarch");
              assertThat(p.sourceName()).isNotBlank();
            });
    assertThat(packages.stream().map(RpmDatabaseReaderTest::oracleLine))
        .contains(
            "bash (none) 4.4 19.6.1 x86_64",
            "glibc (none) 2.31 9.3.2 x86_64",
            "rpm-ndb (none) 4.14.3 40.1 x86_64");
    assertThat(packages.stream().filter(p -> p.name().equals("libreadline7")).findFirst())
        .get()
        .satisfies(
            p -> {
              assertThat(p.sourceName()).isEqualTo("bash");
              assertThat(p.sourceVersion()).isEqualTo("4.4");
              assertThat(p.sourceRelease()).isEqualTo("19.6.1");
              assertThat(p.licence()).isEqualTo("GPL-3.0-or-later");
            });
  }

  @Test
  @DisplayName("Mariner packages carry epoch, source RPM and licence, and a purl with them")
  void marinerDetails() {
    List<InstalledPackage> packages =
        reader.read(TestResources.path("rpmdb/cbl-mariner-2.0/rpmdb.sqlite"));
    InstalledPackage ca =
        packages.stream().filter(p -> p.name().equals("ca-certificates-base")).findFirst().get();

    assertThat(ca.epoch()).isEqualTo(1);
    assertThat(ca.fullVersion()).isEqualTo("1:2.0.0-1.cm2");
    assertThat(ca.sourceName()).isEqualTo("ca-certificates");
    assertThat(ca.location()).endsWith("rpmdb.sqlite");
    assertThat(ca.purl(new Distro("mariner", "2.0")))
        .isEqualTo(
            "pkg:rpm/mariner/ca-certificates-base@2.0.0-1.cm2?arch=noarch&distro=mariner-2.0&epoch=1"
                + "&upstream=ca-certificates-2.0.0-1.cm2.src.rpm");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cbl-mariner-2.0/rpmdb.sqlite, SQLITE",
    "libuuid/Packages, BERKELEY_DB",
    "sle15-bci/Packages.db, NDB"
  })
  @DisplayName("a database read from a stream lists what the same file read from disk lists")
  void streamEqualsPath(String database, RpmDatabaseReader.Format format) throws IOException {
    Path file = TestResources.path("rpmdb/" + database);
    assertThat(RpmDatabaseReader.format(file, database)).isEqualTo(format);

    List<InstalledPackage> fromStream;
    try (InputStream in = Files.newInputStream(file)) {
      fromStream = reader.read(file.toString(), in);
    }

    assertThat(fromStream).isEqualTo(reader.read(file));
  }

  @Test
  @DisplayName("the live rpm binary, when installed, lists the same packages (oracle)")
  void agreesWithLiveRpm(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(rpmInstalled(), "rpm is not installed (apt-get install rpm)");
    for (String database : List.of("cbl-mariner-2.0/rpmdb.sqlite", "libuuid/Packages")) {
      Path source = TestResources.path("rpmdb/" + database);
      Path dir = Files.createDirectories(tmp.resolve(database.substring(0, database.indexOf('/'))));
      Files.copy(source, dir.resolve(database.substring(database.indexOf('/') + 1)));
      Process rpm =
          new ProcessBuilder(
                  "rpm",
                  "--dbpath",
                  dir.toString(),
                  "-qa",
                  "--qf",
                  "%{NAME} %{EPOCH} %{VERSION} %{RELEASE} %{ARCH}\\n")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(rpm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(rpm.waitFor()).isZero();

      assertThat(oracleLines(reader.read(source)))
          .as(database)
          .containsExactlyInAnyOrderElementsOf(out.lines().toList());
    }
  }

  private static boolean rpmInstalled() {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "rpm")));
  }

  @Test
  @DisplayName("a file that is no rpm database is refused with its name in the message")
  void refusesOtherFiles(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("Packages"), "hello, this is not a database");

    assertThatThrownBy(() -> reader.read(file, "var/lib/rpm/Packages"))
        .isInstanceOf(PackageReadException.class)
        .hasMessage(
            "var/lib/rpm/Packages: not an rpm database: expected SQLite, Berkeley DB hash or NDB"
                + " magic");
  }

  @ParameterizedTest(name = "{0} cut at {1} bytes")
  @CsvSource({
    "libuuid/Packages, 12288, Berkeley DB hash database is truncated: it declares 23 pages",
    "libuuid/Packages, 5000, Berkeley DB hash database is truncated",
    "libuuid/Packages, 50, Berkeley DB hash database is too short",
    "sle15-bci/Packages.db, 20000, rpm NDB database has package",
    "sle15-bci/Packages.db, 100, rpm NDB database ends inside the slot pages",
    "cbl-mariner-2.0/rpmdb.sqlite, 8192, not a readable rpm SQLite database"
  })
  @DisplayName("a truncated database gives a one-line error naming the file")
  void truncated(String database, int length, String expected, @TempDir Path tmp)
      throws IOException {
    byte[] whole = TestResources.bytes("rpmdb/" + database);
    Path cut = Files.write(tmp.resolve("cut"), Arrays.copyOf(whole, length));

    assertThatThrownBy(() -> reader.read(cut, "image:/" + database))
        .isInstanceOf(PackageReadException.class)
        .hasMessageStartingWith("image:/" + database + ": ")
        .hasMessageContaining(expected)
        .hasMessageNotContaining("\n");
  }

  @Test
  @DisplayName("a Berkeley DB overflow chain that breaks off early is an error, not a short header")
  void brokenOverflowChain(@TempDir Path tmp) throws IOException {
    byte[] bytes = TestResources.bytes("rpmdb/libuuid/Packages");
    java.nio.ByteBuffer.wrap(bytes)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(10 * 4096 + 16, 0);
    Path broken = Files.write(tmp.resolve("Packages"), bytes);

    assertThatThrownBy(() -> reader.read(broken, "var/lib/rpm/Packages"))
        .isInstanceOf(PackageReadException.class)
        .hasMessage(
            "var/lib/rpm/Packages: Berkeley DB hash database has an overflow chain that breaks off"
                + " at page 0");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "var/lib/rpm/Packages, true",
    "/var/lib/rpm/rpmdb.sqlite, true",
    "usr/lib/sysimage/rpm/Packages.db, true",
    "var/lib/rpm/Packages.bak, false",
    "var/lib/rpm/Name, false"
  })
  @DisplayName("accepts the three database file names in both rpm database directories")
  void accepts(String path, boolean expected) {
    assertThat(reader.accepts(path)).isEqualTo(expected);
  }

  @Test
  @DisplayName("reading writes nothing beside the database and leaves no temporary directory")
  void writesNothingBeside(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("var/lib/rpm"));
    Path database =
        Files.copy(
            TestResources.path("rpmdb/cbl-mariner-2.0/rpmdb.sqlite"), dir.resolve("rpmdb.sqlite"));
    List<String> before = ourTemporaryDirectories();

    assertThat(reader.read(database)).hasSize(129);
    try (InputStream in = Files.newInputStream(database)) {
      assertThat(reader.read("var/lib/rpm/rpmdb.sqlite", in)).hasSize(129);
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(database);
    }
    assertThat(ourTemporaryDirectories()).isEqualTo(before);
  }

  private static List<String> ourTemporaryDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("kubeattest-rpm"))
          .sorted()
          .toList();
    }
  }

  @Test
  @DisplayName("an empty stream is no rpm database")
  void emptyStream() {
    assertThatThrownBy(() -> reader.read("x/Packages", new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(PackageReadException.class)
        .hasMessageStartingWith("x/Packages: not an rpm database");
  }
}
