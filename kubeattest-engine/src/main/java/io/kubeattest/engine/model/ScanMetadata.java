package io.kubeattest.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * What a scan was: which command, which inputs, when, by which tool version, and with which rule
 * catalogue (its digest changes whenever any rule changes).
 */
public record ScanMetadata(
    String toolVersion,
    String scanKind,
    List<String> inputs,
    Instant startedAt,
    Instant finishedAt,
    String catalogueDigest,
    int ruleCount) {
  public ScanMetadata {
    inputs = List.copyOf(inputs);
  }
}
