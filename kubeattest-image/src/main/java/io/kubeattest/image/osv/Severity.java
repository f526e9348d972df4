package io.kubeattest.image.osv;

import java.util.Objects;

/**
 * One severity entry: a scoring {@code type} ({@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4},
 * {@code Ubuntu}, ...) and its {@code score} (a vector string for CVSS types).
 */
public record Severity(String type, String score) {
  public Severity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(score, "score");
  }
}
