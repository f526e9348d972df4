package io.kubeattest.image.scan;

import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.pkg.InstalledPackage;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A package found in an image: what its database says, its purl, and the layer that installed it.
 * This is the input a vulnerability matcher takes (with {@link ImageReport#distro()}).
 *
 * @param layer the diff id of the layer the package's database or file came from, or null when the
 *     package came from an SBOM
 */
public record ImagePackage(InstalledPackage installed, String purl, @Nullable Digest layer) {
  public ImagePackage {
    Objects.requireNonNull(installed, "installed");
    Objects.requireNonNull(purl, "purl");
  }
}
