/**
 * RBAC reachability over Kubernetes objects: which subject (user, group, service account) may do
 * what (verbs on resources, in which namespaces), through which binding and which role, including
 * the rules aggregated into ClusterRoles. Works on {@code KubernetesObject}s, whatever their
 * source.
 */
@NullMarked
package io.kubeattest.engine.rbac;

import org.jspecify.annotations.NullMarked;
