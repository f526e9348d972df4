package io.kubeattest.image.oci;

import java.util.List;
import java.util.stream.Collectors;

/** An image index (or Docker manifest list): one manifest per platform. */
public record ImageIndex(List<Descriptor> manifests) implements ManifestDocument {
  public ImageIndex {
    manifests = List.copyOf(manifests);
  }

  /**
   * The manifest for {@code platform}: the first entry whose platform matches; an entry without a
   * platform matches only when it is the index's only entry.
   *
   * @param what names the index in the error
   * @throws ImageException naming the platforms on offer when none matches
   */
  public Descriptor select(Platform platform, String what) {
    for (Descriptor manifest : manifests) {
      if (manifest.platform() != null && platform.matches(manifest.platform())) {
        return manifest;
      }
    }
    if (manifests.size() == 1 && manifests.get(0).platform() == null) {
      return manifests.get(0);
    }
    String offered =
        manifests.stream()
            .map(d -> d.platform() == null ? "unknown" : d.platform().toString())
            .collect(Collectors.joining(", "));
    throw new ImageException(
        what + " has no image for platform " + platform + " (it has: " + offered + ")");
  }
}
