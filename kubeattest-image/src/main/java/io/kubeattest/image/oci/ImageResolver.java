package io.kubeattest.image.oci;

/**
 * Walks from a top-level manifest or index to the image manifest of one platform and reads its
 * config, through any {@link BlobSource}.
 */
public final class ImageResolver {
  private static final int MAX_INDEX_DEPTH = 4;
  private final ManifestParser parser = new ManifestParser();

  /**
   * Resolves {@code top}, whose bytes (digest already checked) are {@code json}.
   *
   * @param name the image as the user named it, for errors and for {@link ResolvedImage#name()}
   */
  public ResolvedImage resolve(
      String name,
      Digest topDigest,
      byte[] json,
      String contentType,
      Platform platform,
      BlobSource blobs) {
    Digest digest = topDigest;
    ManifestDocument document = parser.manifest(json, contentType, name);
    for (int depth = 0; document instanceof ImageIndex index; depth++) {
      if (depth >= MAX_INDEX_DEPTH) {
        throw new ImageException(name + ": indexes nest more than " + MAX_INDEX_DEPTH + " deep");
      }
      Descriptor chosen = index.select(platform, name);
      byte[] bytes = blobs.readManifest(chosen);
      digest = chosen.digest();
      document = parser.manifest(bytes, chosen.mediaType(), name + "@" + digest);
    }
    ImageManifest manifest = (ImageManifest) document;
    byte[] configJson = blobs.readAll(manifest.config(), ManifestParser.MAX_CONFIG_BYTES);
    ImageConfig config = parser.config(configJson, name + " config " + manifest.config().digest());
    if (!config.diffIds().isEmpty() && config.diffIds().size() != manifest.layers().size()) {
      throw new ImageException(
          name
              + ": the manifest has "
              + manifest.layers().size()
              + " layers but the config lists "
              + config.diffIds().size()
              + " diff ids");
    }
    return new ResolvedImage(name, digest, manifest.config().digest(), manifest, config, blobs);
  }
}
