/** kubeattest image. */
@NullMarked
package io.kubeattest.image;

import org.jspecify.annotations.NullMarked;
