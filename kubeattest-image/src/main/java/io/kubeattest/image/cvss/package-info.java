/**
 * CVSS base scores computed from vector strings: v3.0 and v3.1 (the specification's formula and
 * Roundup) and v2, with the qualitative severity rating. CVSS v4.0 is not computed.
 */
@NullMarked
package io.kubeattest.image.cvss;

import org.jspecify.annotations.NullMarked;
