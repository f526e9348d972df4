/**
 * The OCI image model shared by every way of reaching an image: digests, descriptors, platforms,
 * manifests, indexes and the image config, plus {@link io.kubeattest.image.oci.BlobSource}, the one
 * interface a registry, a {@code docker save} tar and an OCI layout all implement. Every blob read
 * through it is checked against its digest.
 */
@NullMarked
package io.kubeattest.image.oci;

import org.jspecify.annotations.NullMarked;
