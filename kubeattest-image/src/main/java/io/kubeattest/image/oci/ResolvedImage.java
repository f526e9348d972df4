package io.kubeattest.image.oci;

/**
 * An image found and its manifest and config read: what the layered filesystem needs to stream its
 * layers. Closing it closes the blob source.
 *
 * @param name the image as the user named it (reference or file)
 * @param manifestDigest the digest of the image manifest (not of an index above it)
 * @param configDigest the digest of the config blob: the image id
 */
public record ResolvedImage(
    String name,
    Digest manifestDigest,
    Digest configDigest,
    ImageManifest manifest,
    ImageConfig config,
    BlobSource blobs)
    implements AutoCloseable {

  @Override
  public void close() {
    blobs.close();
  }
}
