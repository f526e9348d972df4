/**
 * Version ordering per package ecosystem: which OSV ecosystem a package belongs to ({@link
 * io.kubeattest.image.version.Ecosystem}) and how two version strings of that ecosystem compare
 * ({@link io.kubeattest.image.version.VersionScheme}). Every comparator is written for this project
 * and tested against the version vectors in the test resources.
 */
@NullMarked
package io.kubeattest.image.version;

import org.jspecify.annotations.NullMarked;
