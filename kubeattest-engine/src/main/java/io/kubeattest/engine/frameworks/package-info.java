/**
 * Compliance frameworks as data: versioned sets of controls loaded from YAML ({@code kind:
 * Framework}), the evidence each control gets from the rule catalogue, scores per framework and per
 * section, and the gap analysis (rules outside a framework's scope, controls without automated
 * evidence).
 */
@NullMarked
package io.kubeattest.engine.frameworks;

import org.jspecify.annotations.NullMarked;
