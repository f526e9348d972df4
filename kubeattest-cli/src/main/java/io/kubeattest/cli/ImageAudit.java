package io.kubeattest.cli;

import io.kubeattest.engine.config.ScanConfig;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import io.kubeattest.engine.scan.ScanListener;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.engine.tree.Positions;
import io.kubeattest.image.archive.ArchiveImageReader;
import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.registry.ImageReference;
import io.kubeattest.image.registry.RegistryClient;
import io.kubeattest.image.registry.RegistryCredentials;
import io.kubeattest.image.scan.ImageFacts;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.image.scan.ImageScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One image, audited: read it (registry, docker-save tar or OCI layout), evaluate the image
 * hardening rules on its facts, and match its packages against the vulnerability database. Shared
 * by {@code kubeattest image} and {@code kubeattest cluster --images}. Thread-safe.
 */
final class ImageAudit {
  private final Platform platform;
  private final boolean insecure;
  private final Duration timeout;
  private final Map<String, String> env;
  private final RuleCatalogue catalogue;
  private final ScanConfig config;
  private final @Nullable ImageVulnerabilities vulnerabilities;
  private final Clock clock;
  private @Nullable RegistryClient registry;

  ImageAudit(
      Platform platform,
      boolean insecure,
      Duration timeout,
      Map<String, String> env,
      RuleCatalogue catalogue,
      ScanConfig config,
      @Nullable ImageVulnerabilities vulnerabilities,
      Clock clock) {
    this.platform = platform;
    this.insecure = insecure;
    this.timeout = timeout;
    this.env = env;
    this.catalogue = catalogue;
    this.config = config;
    this.vulnerabilities = vulnerabilities;
    this.clock = clock;
  }

  /** The built-in image rules plus every --rules directory. */
  static RuleCatalogue catalogue(List<Path> directories) {
    List<RuleLoader.RuleSource> sources =
        new ArrayList<>(RuleLoader.resourceSources("kubeattest/image-rules/"));
    for (Path directory : directories) {
      sources.addAll(RuleLoader.directorySources(directory));
    }
    return RuleCatalogue.load(sources);
  }

  /** Reads {@code name}: an existing file or directory, else a registry reference. */
  ImageReport inspect(String name) {
    Path path = Path.of(name);
    if (Files.exists(path)) {
      return read(new ArchiveImageReader().open(path, platform), null);
    }
    ImageReference reference = ImageReference.parse(name);
    return read(open(reference), reference.tag());
  }

  /**
   * Fetches {@code reference}'s manifest (this platform's, from an index) and config; the layers
   * are read by {@link #read}. One registry client serves every call, so tokens are fetched once
   * per registry and repository.
   *
   * @throws io.kubeattest.image.oci.ImageException naming the reference on any registry error
   */
  ResolvedImage open(ImageReference reference) {
    return registry().open(reference, platform);
  }

  /** Reads the layers of {@code image} and closes it; {@code tag} is null for a digest or file. */
  ImageReport read(ResolvedImage image, @Nullable String tag) {
    try (image) {
      return new ImageScanner(LayerLimits.DEFAULT).scan(image, tag);
    }
  }

  private synchronized RegistryClient registry() {
    RegistryClient client = registry;
    if (client == null) {
      client = new RegistryClient(RegistryCredentials.fromDockerConfig(env), insecure, timeout);
      registry = client;
    }
    return client;
  }

  /** Evaluates the hardening rules and, when a database is configured, the vulnerabilities. */
  ScanResult audit(ImageReport report, ScanListener listener) {
    Scanner.Session session =
        Scanner.configured(catalogue, config, listener, clock)
            .begin("image", List.of(report.name()));
    for (String warning : report.warnings()) {
      session.note(new InputNote(InputNote.Kind.ERROR, report.name(), warning));
    }
    for (String note : report.notes()) {
      session.note(new InputNote(InputNote.Kind.SKIPPED, report.name(), note));
    }
    if (report.config() != null) {
      ObjectRef ref = new ObjectRef(ImageFacts.API_VERSION, ImageFacts.KIND, null, report.name());
      session.accept(
          new KubernetesObject(
              ref, ImageFacts.tree(report, clock.instant()), null, Positions.NONE));
    }
    if (vulnerabilities != null) {
      vulnerabilities.match(report, session);
    }
    return session.finish();
  }
}
