package io.kubeattest.cli;

import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.registry.ImageReference;
import org.jspecify.annotations.Nullable;

/**
 * The images of a cluster scan that resolved to one manifest (two tags of one image, or a tag and a
 * pod's digest), read once. Its leader, whose name the findings carry, is the first that a pod's
 * digest pins, else the first seen; the others' names and users join it. Not thread-safe.
 */
final class ImageGroup {
  private ImageUsers leader;
  private ResolvedImage image;

  ImageGroup(ImageUsers users, ResolvedImage image) {
    this.leader = users;
    this.image = image;
  }

  /** Adds {@code users}, whose reference resolved to this group's manifest as {@code opened}. */
  void add(ImageUsers users, ResolvedImage opened) {
    if (!leader.pinned() && users.pinned()) {
      users.absorb(leader);
      leader = users;
      image.close();
      image = opened;
    } else {
      leader.absorb(users);
      opened.close();
    }
  }

  /** Who runs this image, all names and users included. */
  ImageUsers users() {
    return leader;
  }

  /**
   * The name findings carry, always with the digest of what was read: the pod's {@code
   * repo@sha256:...}, or the tag with the manifest's digest added ({@code repo:tag@sha256:...}).
   */
  String scannedName() {
    return image.name().contains("@") ? image.name() : image.name() + "@" + image.manifestDigest();
  }

  /** The opened image under {@link #scannedName}, to read its layers once. */
  ResolvedImage image() {
    return new ResolvedImage(
        scannedName(),
        image.manifestDigest(),
        image.configDigest(),
        image.manifest(),
        image.config(),
        image.blobs());
  }

  /** The leader's tag (the image facts' {@code image.tag}), or null when a digest pins it. */
  @Nullable String tag() {
    return leader.pinned() ? null : ImageReference.parse(leader.reference()).tag();
  }
}
