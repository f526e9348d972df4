/** The immutable model every front end shares: subjects, rules, findings, scan results. */
@NullMarked
package io.kubeattest.engine.model;

import org.jspecify.annotations.NullMarked;
