package io.kubeattest.report;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Combines the results of several scans (node, cluster, manifests, image) into one: findings and
 * notes in input order, objects summed, the earliest start and latest finish, scan kinds joined
 * with {@code +}. A finding seen before (same fingerprint, status and file) is kept once.
 */
public final class ResultMerger {

  /**
   * Merges {@code results} in order.
   *
   * @throws IllegalArgumentException when {@code results} is empty
   */
  public ScanResult merge(List<ScanResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    Set<String> kinds = new LinkedHashSet<>();
    Set<String> inputs = new LinkedHashSet<>();
    Set<String> digests = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Finding> findings = new ArrayList<>();
    List<InputNote> notes = new ArrayList<>();
    Instant started = results.get(0).metadata().startedAt();
    Instant finished = results.get(0).metadata().finishedAt();
    int objects = 0;
    int rules = 0;
    for (ScanResult result : results) {
      ScanMetadata meta = result.metadata();
      kinds.add(meta.scanKind());
      inputs.addAll(meta.inputs());
      digests.add(meta.catalogueDigest());
      started = meta.startedAt().isBefore(started) ? meta.startedAt() : started;
      finished = meta.finishedAt().isAfter(finished) ? meta.finishedAt() : finished;
      objects += result.objectCount();
      rules = Math.max(rules, meta.ruleCount());
      for (Finding finding : result.findings()) {
        if (seen.add(key(finding))) {
          findings.add(finding);
        }
      }
      notes.addAll(result.notes());
    }
    ScanMetadata merged =
        new ScanMetadata(
            results.get(0).metadata().toolVersion(),
            String.join("+", kinds),
            List.copyOf(inputs),
            started,
            finished,
            String.join(",", digests),
            rules);
    return new ScanResult(merged, objects, findings, notes);
  }

  private static String key(Finding finding) {
    var location = finding.evidence().location();
    return finding.fingerprint()
        + "|"
        + finding.status()
        + "|"
        + (location == null ? "" : location.file() + ":" + location.line());
  }
}
