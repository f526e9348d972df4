/** Rules as data: the YAML rule format, loading, CEL compilation and the Kubernetes CEL helpers. */
@NullMarked
package io.kubeattest.engine.rules;

import org.jspecify.annotations.NullMarked;
