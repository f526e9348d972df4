/**
 * The command line: picocli commands over the engine, the one place that prints, reads the
 * terminal, and decides exit codes.
 */
@NullMarked
package io.kubeattest.cli;

import org.jspecify.annotations.NullMarked;
