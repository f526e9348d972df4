package io.kubeattest.image.oci;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where an image's blobs come from: a registry, a {@code docker save} tar, an OCI layout. Every
 * stream it opens checks the blob's digest and size as it is read and throws {@link ImageException}
 * naming the blob at the end of a stream that does not match, so a caller that reads each stream to
 * its end never acts on unverified content for long. Not thread-safe.
 */
public interface BlobSource extends Closeable {

  /**
   * Opens the blob {@code descriptor} points at.
   *
   * @throws ImageException when the blob is missing or cannot be opened
   */
  InputStream open(Descriptor descriptor);

  /**
   * Reads a small blob (manifest, config) whole and checks its digest.
   *
   * @throws ImageException when it is larger than {@code limit}, missing, or its digest differs
   */
  default byte[] readAll(Descriptor descriptor, int limit) {
    if (descriptor.size() > limit) {
      throw new ImageException(
          "blob "
              + descriptor.digest()
              + " is "
              + descriptor.size()
              + " bytes, over the limit of "
              + limit);
    }
    try (InputStream in = open(descriptor)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new ImageException("blob " + descriptor.digest() + " is over the limit of " + limit);
      }
      if (in.read() != -1) {
        throw new ImageException("blob " + descriptor.digest() + " is longer than its size");
      }
      return bytes;
    } catch (IOException e) {
      throw new ImageException(
          "blob " + descriptor.digest() + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the manifest or index {@code descriptor} points at (an entry of an index), whole, its
   * digest checked. A registry serves these from its manifests endpoint; files from their blobs.
   *
   * @throws ImageException when it is too large, missing, or its digest differs
   */
  default byte[] readManifest(Descriptor descriptor) {
    return readAll(descriptor, ManifestParser.MAX_MANIFEST_BYTES);
  }

  /** Releases files and connections; never throws for an already closed source. */
  @Override
  void close();
}
