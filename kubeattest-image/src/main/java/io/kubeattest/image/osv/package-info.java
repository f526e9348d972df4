/**
 * OSV vulnerability records: the schema as Java records ({@link
 * io.kubeattest.image.osv.OsvRecord}), a tolerant JSON reader ({@link
 * io.kubeattest.image.osv.OsvParser}) and the decision whether a package version is affected
 * ({@link io.kubeattest.image.osv.AffectedMatcher}), following the OSV schema's range semantics.
 * Jackson stays inside this package.
 */
@NullMarked
package io.kubeattest.image.osv;

import org.jspecify.annotations.NullMarked;
