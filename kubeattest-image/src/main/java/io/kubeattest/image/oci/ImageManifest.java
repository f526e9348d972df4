package io.kubeattest.image.oci;

import java.util.List;

/** An image manifest: the config blob and the layers, bottom layer first. */
public record ImageManifest(Descriptor config, List<Descriptor> layers)
    implements ManifestDocument {
  public ImageManifest {
    layers = List.copyOf(layers);
  }
}
