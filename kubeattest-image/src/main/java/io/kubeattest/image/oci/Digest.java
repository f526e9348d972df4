package io.kubeattest.image.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code sha256:<64 hex>}. Only SHA-256 is accepted: it is what every registry
 * and image tool writes, and the only algorithm the OCI spec requires.
 */
public record Digest(String value) {
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  public Digest {
    if (!SHA256.matcher(value).matches()) {
      throw new ImageException("not a sha256 digest: '" + value + "' (expected sha256:<64 hex>)");
    }
  }

  /** Parses {@code sha256:<hex>}. */
  public static Digest parse(String value) {
    return new Digest(value);
  }

  /** The digest of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    return fromHash(sha256().digest(bytes));
  }

  /** The digest whose hash bytes are {@code hash}. */
  static Digest fromHash(byte[] hash) {
    return new Digest("sha256:" + HexFormat.of().formatHex(hash));
  }

  /** The 64 hex digits. */
  public String hex() {
    return value.substring("sha256:".length());
  }

  /** A new SHA-256 message digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
