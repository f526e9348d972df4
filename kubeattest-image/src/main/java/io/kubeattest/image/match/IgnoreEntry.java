package io.kubeattest.image.match;

import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.image.pkg.Distro;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an ignore file: a vulnerability id (CVE, GHSA or the OSV record's id), optionally
 * the package it applies to, the reason, and optionally the last day it applies.
 *
 * @param id the vulnerability id; matches the finding's id or any alias, ignoring case
 * @param pkg null for every package; a purl ({@code pkg:deb/debian/libssl3}, compared without
 *     qualifiers, and without version unless the entry gives one) or a name (the package's or its
 *     source package's)
 * @param reason why it is ignored, shown in the finding
 * @param expires the last day the entry applies, or null for no expiry
 * @param where the file and line of the entry
 */
public record IgnoreEntry(
    String id,
    @Nullable String pkg,
    String reason,
    @Nullable LocalDate expires,
    SourceLocation where) {
  public IgnoreEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(where, "where");
  }

  /** True when {@code today} is after the expiry date. */
  public boolean isExpired(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }

  /** True when this entry names the vulnerability and package of {@code match}. */
  public boolean covers(VulnerabilityMatch match, @Nullable Distro distro) {
    if (!match.isKnownAs(id)) {
      return false;
    }
    if (pkg == null) {
      return true;
    }
    if (!pkg.startsWith("pkg:")) {
      return pkg.equals(match.pkg().name()) || pkg.equals(match.pkg().sourceName());
    }
    String wanted = withoutQualifiers(pkg);
    String actual = withoutQualifiers(match.pkg().purl(distro));
    if (wanted.indexOf('@') < 0) {
      int at = actual.indexOf('@');
      actual = at < 0 ? actual : actual.substring(0, at);
    }
    return wanted.equals(actual);
  }

  private static String withoutQualifiers(String purl) {
    int end = purl.length();
    int question = purl.indexOf('?');
    int hash = purl.indexOf('#');
    if (question >= 0) {
      end = question;
    }
    if (hash >= 0 && hash < end) {
      end = hash;
    }
    return purl.substring(0, end);
  }
}
