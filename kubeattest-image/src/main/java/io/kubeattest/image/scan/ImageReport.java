package io.kubeattest.image.scan;

import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ImageConfig;
import io.kubeattest.image.pkg.Distro;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything kubeattest learned about one image.
 *
 * @param name the image as the user named it
 * @param tag the tag of the reference, or null (a file, a digest reference)
 * @param manifestDigest the digest of the image manifest, or null for an SBOM
 * @param imageId the digest of the config, or null for an SBOM
 * @param config the image config, or null for an SBOM
 * @param distro the OS from {@code os-release}, or null when unknown
 * @param layers the diff ids, bottom first
 * @param hardening the filesystem's hardening facts, or null for an SBOM
 * @param warnings entries and files that were refused or unreadable, one line each: input errors
 * @param notes what was read but neutralised or left out on purpose (a symlink pointing outside the
 *     root, SBOM components of unknown types), one line each: the scan is still complete
 */
public record ImageReport(
    String name,
    @Nullable String tag,
    @Nullable Digest manifestDigest,
    @Nullable Digest imageId,
    @Nullable ImageConfig config,
    @Nullable Distro distro,
    List<Digest> layers,
    List<ImagePackage> packages,
    @Nullable HardeningFacts hardening,
    List<String> warnings,
    List<String> notes) {
  public ImageReport {
    layers = List.copyOf(layers);
    packages = List.copyOf(packages);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }
}
