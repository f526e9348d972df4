/** Reporters: render a scan result for people (table) and machines (JSON). Reporters never exit. */
@NullMarked
package io.kubeattest.report;

import org.jspecify.annotations.NullMarked;
