/**
 * JSON-like trees with field paths and source positions, and the bounded YAML reader that builds
 * them.
 */
@NullMarked
package io.kubeattest.engine.tree;

import org.jspecify.annotations.NullMarked;
