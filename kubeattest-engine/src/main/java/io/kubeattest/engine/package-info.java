/** The kubeattest engine: model, rules as data, evaluation. */
@NullMarked
package io.kubeattest.engine;

import org.jspecify.annotations.NullMarked;
