/**
 * The user's configuration file: which rules run and how severe they are, rule parameters, run-wide
 * settings, custom resources that embed pod templates, and exemptions.
 */
@NullMarked
package io.kubeattest.engine.config;

import org.jspecify.annotations.NullMarked;
