/**
 * CVSS scores computed from vector strings, with the qualitative severity rating: v4.0 (the
 * specification's macro vectors of six equivalence sets, its table of macro vector scores and the
 * severity-distance interpolation, including threat and environmental metrics), v3.0 and v3.1 (the
 * base formula and Roundup) and v2 (the base formula).
 */
@NullMarked
package io.kubeattest.image.cvss;

import org.jspecify.annotations.NullMarked;
