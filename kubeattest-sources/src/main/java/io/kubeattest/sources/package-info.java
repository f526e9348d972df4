/** kubeattest sources. */
@NullMarked
package io.kubeattest.sources;

import org.jspecify.annotations.NullMarked;
