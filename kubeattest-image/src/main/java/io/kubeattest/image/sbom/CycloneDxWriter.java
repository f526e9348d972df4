package io.kubeattest.image.sbom;

import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.pkg.InstalledPackage;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes an {@link ImageReport}'s packages as a CycloneDX 1.6 JSON SBOM: the image as the metadata
 * component ({@code container}), the OS as an {@code operating-system} component, every package as
 * a {@code library} with its purl and the properties {@code kubeattest:layer} (diff id) and {@code
 * kubeattest:location} (the file it was read from). Thread-safe.
 */
public final class CycloneDxWriter {
  /** The CycloneDX spec version written. */
  public static final String SPEC_VERSION = "1.6";

  private final String toolVersion;

  /**
   * @param toolVersion kubeattest's version, recorded as the tool that made the SBOM
   */
  public CycloneDxWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /** The SBOM of {@code report}, made at {@code now}, as JSON text. */
  public String write(ImageReport report, Instant now) {
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(now));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("kubeattest");
    tool.setVersion(toolVersion);
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    Component image = new Component();
    image.setType(Component.Type.CONTAINER);
    image.setName(report.name());
    image.setBomRef("image");
    if (report.manifestDigest() != null) {
      image.setVersion(report.manifestDigest().value());
    }
    metadata.setComponent(image);
    bom.setMetadata(metadata);
    List<Component> components = new ArrayList<>();
    if (report.distro() != null) {
      Component os = new Component();
      os.setType(Component.Type.OPERATING_SYSTEM);
      os.setName(report.distro().id());
      os.setBomRef("os:" + report.distro().qualifier());
      if (report.distro().versionId() != null) {
        os.setVersion(report.distro().versionId());
      }
      components.add(os);
    }
    Set<String> refs = new HashSet<>();
    for (ImagePackage p : report.packages()) {
      components.add(component(p, refs));
    }
    bom.setComponents(components);
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
    } catch (GeneratorException e) {
      throw new ImageException(report.name() + ": cannot write the SBOM: " + e.getMessage(), e);
    }
  }

  private static Component component(ImagePackage p, Set<String> refs) {
    InstalledPackage installed = p.installed();
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setName(installed.name());
    c.setVersion(installed.fullVersion());
    c.setPurl(p.purl());
    String ref = p.purl();
    for (int n = 2; !refs.add(ref); n++) {
      ref = p.purl() + "#" + n;
    }
    c.setBomRef(ref);
    if (installed.licence() != null) {
      LicenseChoice licences = new LicenseChoice();
      License licence = new License();
      licence.setName(installed.licence());
      licences.addLicense(licence);
      c.setLicenses(licences);
    }
    if (p.layer() != null) {
      c.addProperty(new Property("kubeattest:layer", p.layer().value()));
    }
    c.addProperty(new Property("kubeattest:location", installed.location()));
    return c;
  }
}
