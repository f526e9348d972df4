/** The kubeattest engine: exceptions shared by every capability. */
@NullMarked
package io.kubeattest.engine;

import org.jspecify.annotations.NullMarked;
