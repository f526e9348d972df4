/**
 * The layered filesystem of an image, built by streaming each layer once: paths, types, modes and
 * owners of every file, whiteouts and opaque directories applied, and whatever a {@link
 * io.kubeattest.image.fs.LayerVisitor} chose to keep about a file's content. Nothing is extracted
 * to disk. Hostile layers (entries that climb out of the root, absolute names, hard links that
 * leave the image, decompression bombs) are refused with a one-line message.
 */
@NullMarked
package io.kubeattest.image.fs;

import org.jspecify.annotations.NullMarked;
