/**
 * Images on disk: {@code docker save} tarballs (the classic {@code manifest.json} form and the OCI
 * layout form Docker 25+ writes), OCI image layout directories and OCI layouts packed in a tar.
 * Nothing is extracted: blobs are streamed from the tar or the directory and verified.
 */
@NullMarked
package io.kubeattest.image.archive;

import org.jspecify.annotations.NullMarked;
