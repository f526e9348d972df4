package io.kubeattest.image.oci;

/** What a manifest GET returns: an index of per-platform manifests, or one image manifest. */
public sealed interface ManifestDocument permits ImageIndex, ImageManifest {}
