/**
 * Package extraction: readers that turn the package databases and metadata files found in an image
 * (dpkg, apk, RPM in its SQLite, Berkeley DB and NDB forms, jars, npm, Python and Go binaries) into
 * {@link io.kubeattest.image.pkg.InstalledPackage} values with a purl.
 *
 * <p>Readers take bytes, streams or paths, never the image itself, so the layered filesystem can
 * feed them. They write nothing outside a private temporary directory, which they delete again.
 * Every malformed input gives a {@link io.kubeattest.image.pkg.PackageReadException} whose one-line
 * message names the file.
 */
@NullMarked
package io.kubeattest.image.pkg;

import org.jspecify.annotations.NullMarked;
