package io.kubeattest.image.pkg;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The operating system an OS package belongs to, as {@code /etc/os-release} names it: {@code ID}
 * (e.g. {@code debian}, {@code alpine}, {@code rhel}) and {@code VERSION_ID} (e.g. {@code 12}). It
 * gives OS package purls their namespace and {@code distro} qualifier.
 *
 * @param id the distribution id, lower-cased on construction
 * @param versionId the version id, or null when the image does not say
 */
public record Distro(String id, @Nullable String versionId) {
  public Distro {
    if (id.isBlank()) {
      throw new IllegalArgumentException("distro id must not be blank");
    }
    id = id.toLowerCase(Locale.ROOT);
    if (versionId != null && versionId.isBlank()) {
      versionId = null;
    }
  }

  /** The purl {@code distro} qualifier value: {@code id-versionId}, or the id alone. */
  public String qualifier() {
    return versionId == null ? id : id + "-" + versionId;
  }
}
