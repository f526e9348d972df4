/**
 * Reads Kubernetes manifests from files, directories and standard input: YAML (multi-document) and
 * JSON, {@code kind: List}, with file and line for every field.
 */
@NullMarked
package io.kubeattest.sources.manifest;

import org.jspecify.annotations.NullMarked;
