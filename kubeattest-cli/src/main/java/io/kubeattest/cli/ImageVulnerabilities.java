package io.kubeattest.cli;

import io.kubeattest.engine.k8s.SubjectExtractor;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.image.match.IgnoreList;
import io.kubeattest.image.match.VulnerabilityFindings;
import io.kubeattest.image.match.VulnerabilityMatch;
import io.kubeattest.image.match.VulnerabilityMatcher;
import io.kubeattest.image.scan.ImageFacts;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.vulndb.VulnerabilityDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Matches an image's packages against the local vulnerability database and adds one {@code
 * image-vulnerability} finding per vulnerable package to the scan. A missing database is a note,
 * not an error: the hardening checks still run, and the note says how to get one.
 */
final class ImageVulnerabilities {
  private final Path database;
  private final @Nullable Path ignoreFile;
  private final Duration maxAge;
  private final Clock clock;

  ImageVulnerabilities(Path database, @Nullable Path ignoreFile, Duration maxAge, Clock clock) {
    this.database = database;
    this.ignoreFile = ignoreFile;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  void match(ImageReport report, Scanner.Session session) {
    IgnoreList ignores = ignoreFile == null ? IgnoreList.none() : IgnoreList.read(ignoreFile);
    if (!Files.isRegularFile(database)) {
      session.note(
          new InputNote(
              InputNote.Kind.SKIPPED,
              database.toString(),
              "no vulnerability database: packages were not checked for vulnerabilities"
                  + " (kubeattest db update, or db import for air-gapped use)"));
      return;
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    try (VulnerabilityDatabase store = VulnerabilityDatabase.open(database, clock)) {
      store
          .staleness(maxAge)
          .ifPresent(
              warning ->
                  session.note(
                      new InputNote(InputNote.Kind.SKIPPED, database.toString(), warning)));
      List<VulnerabilityMatch> matches =
          new VulnerabilityMatcher(store)
              .match(
                  report.packages().stream().map(ImagePackage::installed).toList(),
                  report.distro());
      ObjectRef ref = new ObjectRef(ImageFacts.API_VERSION, ImageFacts.KIND, null, report.name());
      SubjectRef subject =
          new SubjectRef(SubjectKind.OBJECT, SubjectExtractor.objectId(ref), ref, null, null);
      session.add(
          new VulnerabilityFindings(ignores, today).findings(matches, report.distro(), subject));
      ignores
          .expired(today)
          .forEach(
              entry ->
                  session.note(
                      new InputNote(
                          InputNote.Kind.SKIPPED,
                          entry.where().toString(),
                          "ignore entry for " + entry.id() + " expired on " + entry.expires())));
    }
  }
}
