/**
 * CycloneDX SBOMs: {@link io.kubeattest.image.sbom.CycloneDxWriter} writes an image's packages as
 * CycloneDX JSON 1.6; {@link io.kubeattest.image.sbom.CycloneDxReader} reads an existing SBOM back
 * into packages (from their purls), so an SBOM can stand in for the image. cyclonedx-core-java
 * stays inside this package.
 */
@NullMarked
package io.kubeattest.image.sbom;

import org.jspecify.annotations.NullMarked;
