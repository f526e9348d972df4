package io.kubeattest.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The verdict of one rule on one subject, with the evidence behind it.
 *
 * @param message one line for a person: why it failed, or what passed
 * @param fingerprint stable across scans for the same rule and subject, so the same finding is
 *     recognised in history and drift
 * @param exposure how far the subject's workload reaches (cluster scans); null when unknown or when
 *     there is nothing to say
 */
public record Finding(
    String ruleId,
    String title,
    Severity severity,
    Status status,
    String message,
    SubjectRef subject,
    Evidence evidence,
    String fingerprint,
    @Nullable Exposure exposure) {

  /** A finding without exposure (the form every rule produces). */
  public Finding(
      String ruleId,
      String title,
      Severity severity,
      Status status,
      String message,
      SubjectRef subject,
      Evidence evidence,
      String fingerprint) {
    this(ruleId, title, severity, status, message, subject, evidence, fingerprint, null);
  }

  /** Builds a finding whose fingerprint is derived from the rule id and the subject's id. */
  public static Finding of(
      Rule rule, Status status, String message, SubjectRef subject, Evidence evidence) {
    return new Finding(
        rule.id(),
        rule.title(),
        rule.severity(),
        status,
        message,
        subject,
        evidence,
        fingerprint(rule.id(), subject.id()));
  }

  /** The same finding with another status and message (an exemption's verdict). */
  public Finding with(Status newStatus, String newMessage) {
    return new Finding(
        ruleId, title, severity, newStatus, newMessage, subject, evidence, fingerprint, exposure);
  }

  /** The same finding with {@code newExposure} (null removes it). */
  public Finding withExposure(@Nullable Exposure newExposure) {
    return new Finding(
        ruleId, title, severity, status, message, subject, evidence, fingerprint, newExposure);
  }

  /** True when this finding fails at or above the given severity. */
  public boolean failsAtOrAbove(Severity threshold) {
    return status == Status.FAIL && severity.isAtLeast(threshold);
  }

  /** The first 16 hex digits of SHA-256 over {@code ruleId + NUL + subjectId}. */
  public static String fingerprint(String ruleId, String subjectId) {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    digest.update(ruleId.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(subjectId.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  /** One digest per thread: looking SHA-256 up for each of 100,000 findings showed in profiles. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
          });
}
