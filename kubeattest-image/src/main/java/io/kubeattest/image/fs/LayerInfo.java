package io.kubeattest.image.fs;

import io.kubeattest.image.oci.Digest;

/**
 * One layer of the image.
 *
 * @param index the position, bottom layer 0
 * @param diffId the digest of the uncompressed layer, as the config lists it
 */
public record LayerInfo(int index, Digest diffId) {}
