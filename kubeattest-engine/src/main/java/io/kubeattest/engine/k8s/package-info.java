/** The Kubernetes object model: which subjects (workloads, containers) an object yields. */
@NullMarked
package io.kubeattest.engine.k8s;

import org.jspecify.annotations.NullMarked;
