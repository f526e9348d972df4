import io.kubeattest.image.match.VulnerabilityMatch;
import io.kubeattest.image.match.VulnerabilityMatcher;
import io.kubeattest.image.pkg.Distro;
import io.kubeattest.image.pkg.InstalledPackage;
import io.kubeattest.image.pkg.PackageType;
import io.kubeattest.image.vulndb.ImportRecord;
import io.kubeattest.image.vulndb.OsvImporter;
import io.kubeattest.image.vulndb.VulnerabilityDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Lookup throughput of the vulnerability store: RECORDS synthetic OSV records (Debian source
 * packages and npm packages) in a real SQLite file, then PACKAGES installed packages matched
 * against it, ROUNDS times. Seeded, so every run builds the same data.
 *
 * <p>Run: bench/vulndb/run.sh [RECORDS] [PACKAGES] [ROUNDS]
 */
public final class VulnDbBench {
  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int packages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int names = records / 5; // five advisories per package name on average
    Random random = new Random(42);
    Path dir = Files.createTempDirectory("kubeattest-vulndb-bench");
    Path zip = dir.resolve("all.zip");

    long t0 = System.nanoTime();
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < records; i++) {
        boolean debian = i % 2 == 0;
        String id = (debian ? "DEBIAN-CVE-2024-" : "GHSA-bench-") + i;
        String name = "pkg" + random.nextInt(names);
        String ecosystem = debian ? "Debian:12" : "npm";
        String fixed = debian ? "1." + random.nextInt(20) + "-1" : "1." + random.nextInt(20) + ".0";
        String json =
            "{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\",\"aliases\":[\"CVE-2024-"
                + i + "\"],\"summary\":\"synthetic record " + i + "\",\"severity\":[{\"type\":"
                + "\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\"}],"
                + "\"affected\":[{\"package\":{\"ecosystem\":\"" + ecosystem + "\",\"name\":\""
                + name + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},"
                + "{\"fixed\":\"" + fixed + "\"}]}]}]}";
        z.putNextEntry(new ZipEntry(id + ".json"));
        z.write(json.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu1 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    Path file = dir.resolve("vulndb.sqlite");
    ImportRecord imported;
    try (VulnerabilityDatabase db = VulnerabilityDatabase.create(file, Clock.systemUTC())) {
      imported = new OsvImporter().importPaths(db, List.of(zip), System.err::println);
    }
    long t2 = System.nanoTime();
    double importCpu = (os.getProcessCpuTime() - cpu1) / 1e9;
    System.out.printf(
        "built %d records (%.1f MB zip) in %.1f s; imported %d in %.1f s wall (%.0f records/s),"
            + " %.1f s process CPU (%.0f records/s); db %.1f MB%n",
        records, Files.size(zip) / 1e6, (t1 - t0) / 1e9, imported.stored(), (t2 - t1) / 1e9,
        imported.stored() / ((t2 - t1) / 1e9), importCpu, imported.stored() / importCpu,
        Files.size(file) / 1e6);

    List<InstalledPackage> installed = new ArrayList<>();
    for (int i = 0; i < packages; i++) {
      String name = "pkg" + random.nextInt(names);
      if (i % 2 == 0) {
        installed.add(
            InstalledPackage.builder(PackageType.DEB, "lib" + name, "1." + random.nextInt(20), "/s")
                .release("1")
                .source(name, null, null)
                .build());
      } else {
        installed.add(
            InstalledPackage.builder(PackageType.NPM, name, "1." + random.nextInt(20) + ".0", "/n")
                .build());
      }
    }
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(file, Clock.systemUTC())) {
      VulnerabilityMatcher matcher = new VulnerabilityMatcher(db);
      Distro distro = new Distro("debian", "12");
      matcher.match(installed, distro); // warm up
      for (int round = 1; round <= rounds; round++) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        List<VulnerabilityMatch> matches = matcher.match(installed, distro);
        double seconds = (System.nanoTime() - s) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(
            "round %d: %d packages -> %d matches in %.3f s wall (%.0f matches/s), %.3f s CPU"
                + " (%.0f matches/s, %.0f packages/s)%n",
            round, packages, matches.size(), seconds, matches.size() / seconds, cpuSeconds,
            matches.size() / cpuSeconds, packages / cpuSeconds);
      }
      long s = System.nanoTime();
      var status = db.status();
      System.out.printf(
          "status: %d records %s in %.3f s%n",
          status.records(), status.recordsPerEcosystem(), (System.nanoTime() - s) / 1e9);
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
