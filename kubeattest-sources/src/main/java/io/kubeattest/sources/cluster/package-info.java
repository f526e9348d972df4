/**
 * The live cluster as a source: lists every resource kind kubeattest judges through the fabric8
 * kubernetes-client, page by page, and hands each object to a sink as a {@code KubernetesObject}.
 * The only package that imports fabric8. Secret data is never requested; ConfigMap values are
 * dropped (keys kept).
 */
@NullMarked
package io.kubeattest.sources.cluster;

import org.jspecify.annotations.NullMarked;
