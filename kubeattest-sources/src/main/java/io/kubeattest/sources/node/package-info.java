/**
 * Node facts: what a CIS Kubernetes Benchmark check needs to know about one node, gathered without
 * running any program on it.
 *
 * <p>{@link io.kubeattest.sources.node.NodeFactsCollector} reads component processes from a {@code
 * /proc} tree, parses their flags, finds and stats the files the checks name under a host root
 * (chroot semantics for symbolic links), parses the kubelet and other config files, and returns one
 * JSON-like tree per node. The shape of that tree is the contract documented in {@code
 * docs/node-facts.md}.
 */
@NullMarked
package io.kubeattest.sources.node;

import org.jspecify.annotations.NullMarked;
