/**
 * Vulnerability matching: which installed packages an OSV record affects ({@link
 * io.kubeattest.image.match.VulnerabilityMatcher}, with the per-ecosystem keys of {@link
 * io.kubeattest.image.match.EcosystemMapper}), how bad each is ({@link
 * io.kubeattest.image.match.SeverityRater}), and the findings of rule {@code image-vulnerability}
 * they become, minus what an ignore file suppresses ({@link
 * io.kubeattest.image.match.VulnerabilityFindings}, {@link io.kubeattest.image.match.IgnoreList}).
 */
@NullMarked
package io.kubeattest.image.match;

import org.jspecify.annotations.NullMarked;
