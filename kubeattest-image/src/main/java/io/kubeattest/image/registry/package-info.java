/**
 * A client for the OCI distribution API over {@code java.net.http}: image references, manifest and
 * blob GETs with digest checks, anonymous bearer tokens, basic auth and the credentials of {@code
 * ~/.docker/config.json}. HTTPS always; plain HTTP only when asked and only to loopback hosts.
 */
@NullMarked
package io.kubeattest.image.registry;

import org.jspecify.annotations.NullMarked;
