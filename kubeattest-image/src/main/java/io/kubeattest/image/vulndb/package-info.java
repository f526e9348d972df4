/**
 * The local vulnerability database: OSV records in one SQLite file with an index by ecosystem and
 * package name ({@link io.kubeattest.image.vulndb.VulnerabilityDatabase}), filled offline from OSV
 * archives, directories and files ({@link io.kubeattest.image.vulndb.OsvImporter}) or from OSV's
 * bulk download bucket or a mirror of it ({@link io.kubeattest.image.vulndb.OsvDownloader}). JDBC
 * stays inside this package.
 */
@NullMarked
package io.kubeattest.image.vulndb;

import org.jspecify.annotations.NullMarked;
