/** Evaluation: rules over subjects into findings, and the scan result with its metadata. */
@NullMarked
package io.kubeattest.engine.scan;

import org.jspecify.annotations.NullMarked;
