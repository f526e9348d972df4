package io.kubeattest.image.scan;

import io.kubeattest.image.fs.FileEntry;
import io.kubeattest.image.fs.LayerLimits;
import io.kubeattest.image.fs.LayerStreamer;
import io.kubeattest.image.fs.LayeredFilesystem;
import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.pkg.Distro;
import io.kubeattest.image.pkg.InstalledPackage;
import io.kubeattest.image.pkg.PackageReadException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Inspects one image: streams its layers once, and reports its packages (each with purl and layer),
 * OS, config and hardening facts. Thread-safe; each call reads one image.
 */
public final class ImageScanner {
  static final List<String> SHELLS =
      List.of(
          "bin/sh",
          "bin/bash",
          "bin/dash",
          "bin/ash",
          "bin/zsh",
          "bin/busybox",
          "usr/bin/sh",
          "usr/bin/bash",
          "usr/bin/dash",
          "usr/bin/zsh",
          "usr/bin/busybox");
  static final List<String> PACKAGE_MANAGERS =
      List.of(
          "usr/bin/apt",
          "usr/bin/apt-get",
          "usr/bin/dpkg",
          "sbin/apk",
          "usr/bin/apk",
          "usr/bin/yum",
          "usr/bin/dnf",
          "usr/bin/microdnf",
          "usr/bin/tdnf",
          "usr/bin/rpm",
          "bin/rpm",
          "usr/bin/zypper");

  private final LayerStreamer streamer;

  public ImageScanner(LayerLimits limits) {
    this.streamer = new LayerStreamer(limits);
  }

  /**
   * Scans {@code image}; does not close it.
   *
   * @param tag the reference's tag, or null when the image was named by digest or file
   * @throws io.kubeattest.image.oci.ImageException when a layer cannot be read or fails a check
   */
  public ImageReport scan(ResolvedImage image, @Nullable String tag) {
    FileInspector inspector = new FileInspector();
    LayeredFilesystem<FileFacts> fs = streamer.read(image, inspector);
    List<Digest> layers = layers(image);
    Distro distro = distro(fs);
    List<ImagePackage> packages = new ArrayList<>();
    List<String> warnings = new ArrayList<>(fs.warnings());
    warnings.addAll(inspector.warnings());
    List<HardeningFacts.SpecialFile> special = new ArrayList<>();
    List<HardeningFacts.SecretFile> secrets = new ArrayList<>();
    for (LayeredFilesystem.Node<FileFacts> node : fs.nodes()) {
      FileEntry entry = node.entry();
      FileFacts facts = node.kept();
      if (facts != null) {
        for (InstalledPackage p : facts.packages()) {
          try {
            packages.add(new ImagePackage(p, p.purl(distro), layers.get(entry.layer())));
          } catch (PackageReadException e) {
            warnings.add(e.getMessage());
          }
        }
        if (facts.secretKind() != null) {
          secrets.add(
              new HardeningFacts.SecretFile("/" + entry.path(), facts.secretKind(), entry.layer()));
        }
      }
      if (entry.type() == FileEntry.Type.FILE && (entry.setuid() || entry.setgid())) {
        special.add(
            new HardeningFacts.SpecialFile(
                "/" + entry.path(),
                Integer.toOctalString(entry.mode()),
                entry.setuid(),
                entry.setgid(),
                entry.layer()));
      }
    }
    HardeningFacts hardening =
        new HardeningFacts(present(fs, SHELLS), present(fs, PACKAGE_MANAGERS), special, secrets);
    return new ImageReport(
        image.name(),
        tag,
        image.manifestDigest(),
        image.configDigest(),
        image.config(),
        distro,
        layers,
        packages,
        hardening,
        warnings,
        fs.notes());
  }

  private static List<Digest> layers(ResolvedImage image) {
    if (!image.config().diffIds().isEmpty()) {
      return image.config().diffIds();
    }
    return image.manifest().layers().stream().map(d -> d.digest()).toList();
  }

  private static @Nullable Distro distro(LayeredFilesystem<FileFacts> fs) {
    for (String path : List.of("etc/os-release", "usr/lib/os-release")) {
      Distro d =
          fs.node(path).map(LayeredFilesystem.Node::kept).map(FileFacts::osRelease).orElse(null);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static List<String> present(LayeredFilesystem<FileFacts> fs, List<String> paths) {
    return paths.stream().filter(fs::exists).map(p -> "/" + p).toList();
  }
}
