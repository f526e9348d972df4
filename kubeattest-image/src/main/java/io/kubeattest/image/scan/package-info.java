/**
 * Image inspection: streams an image's layers once, runs the package readers of {@code image.pkg}
 * on the files they understand, reads the OS from {@code os-release}, collects hardening facts
 * (shells, package managers, setuid files, secrets), and returns an {@link
 * io.kubeattest.image.scan.ImageReport}. {@link io.kubeattest.image.scan.ImageFacts} turns a report
 * into the tree that the image rules (CEL) read.
 */
@NullMarked
package io.kubeattest.image.scan;

import org.jspecify.annotations.NullMarked;
