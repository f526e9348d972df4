/**
 * Cross-object rules: checks that need several objects of one scan at once (a Service and the pods
 * it selects, a workload and the policies that cover it). They run in Java over an index of the
 * scan's objects; their documentation is rule data like every other rule.
 */
@NullMarked
package io.kubeattest.engine.relations;

import org.jspecify.annotations.NullMarked;
