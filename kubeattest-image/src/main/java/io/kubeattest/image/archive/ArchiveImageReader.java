package io.kubeattest.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeattest.image.oci.BlobSource;
import io.kubeattest.image.oci.Descriptor;
import io.kubeattest.image.oci.Digest;
import io.kubeattest.image.oci.ImageConfig;
import io.kubeattest.image.oci.ImageException;
import io.kubeattest.image.oci.ImageManifest;
import io.kubeattest.image.oci.ImageResolver;
import io.kubeattest.image.oci.ManifestParser;
import io.kubeattest.image.oci.MediaTypes;
import io.kubeattest.image.oci.Platform;
import io.kubeattest.image.oci.ResolvedImage;
import io.kubeattest.image.oci.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Opens an image stored on disk: an OCI layout directory, or a tar holding an OCI layout or a
 * {@code docker save} archive. Thread-safe; the images it returns are not.
 */
public final class ArchiveImageReader {
  private static final Pattern BLOB_PATH = Pattern.compile("blobs/sha256/([0-9a-f]{64})");
  private static final Pattern CONFIG_NAME = Pattern.compile("(?:.*/)?([0-9a-f]{64})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ImageResolver resolver = new ImageResolver();
  private final ManifestParser parser = new ManifestParser();

  /**
   * Opens the image at {@code path} for {@code platform}.
   *
   * @throws ImageException naming the path when it is not an image in a known form
   */
  public ResolvedImage open(Path path, Platform platform) {
    String name = path.toString();
    ArchiveFiles files;
    if (Files.isDirectory(path)) {
      files = new DirectoryFiles(path);
    } else if (Files.isRegularFile(path)) {
      files = TarFiles.open(path);
    } else {
      throw new ImageException(name + ": no such file or directory");
    }
    try {
      if (files.exists("index.json")) {
        return openLayout(name, files, platform);
      }
      if (files.exists("manifest.json")) {
        return openDockerArchive(name, files);
      }
      throw new ImageException(
          name
              + ": not an image (no index.json of an OCI layout, no manifest.json of docker save)");
    } catch (RuntimeException e) {
      files.close();
      throw e;
    }
  }

  private ResolvedImage openLayout(String name, ArchiveFiles files, Platform platform) {
    byte[] index = files.readAll("index.json", ManifestParser.MAX_MANIFEST_BYTES);
    LayoutBlobs blobs = new LayoutBlobs(files, Map.of());
    return resolver.resolve(name, Digest.of(index), index, MediaTypes.OCI_INDEX, platform, blobs);
  }

  /**
   * The classic {@code docker save} form: {@code manifest.json} lists the config file and layer
   * tars of each image; the first image is taken. Layer tars are uncompressed, so their digest is
   * their diff id.
   */
  private ResolvedImage openDockerArchive(String name, ArchiveFiles files) {
    JsonNode manifest;
    try {
      manifest = JSON.readTree(files.readAll("manifest.json", ManifestParser.MAX_MANIFEST_BYTES));
    } catch (IOException e) {
      throw new ImageException(name + ": manifest.json is not valid JSON: " + e.getMessage(), e);
    }
    if (manifest == null || !manifest.isArray() || manifest.isEmpty()) {
      throw new ImageException(name + ": manifest.json lists no image");
    }
    JsonNode image = manifest.get(0);
    String configPath = image.path("Config").asText("");
    if (configPath.isEmpty()) {
      throw new ImageException(name + ": manifest.json names no Config");
    }
    byte[] configJson = files.readAll(configPath, ManifestParser.MAX_CONFIG_BYTES);
    Digest configDigest = Digest.of(configJson);
    Digest named = digestInName(configPath);
    if (named != null && !named.equals(configDigest)) {
      throw new ImageException(
          name + ": config " + configPath + " does not match its digest: got " + configDigest);
    }
    ImageConfig config = parser.config(configJson, name + " config " + configPath);
    JsonNode layerPaths = image.path("Layers");
    if (!layerPaths.isArray() || layerPaths.size() != config.diffIds().size()) {
      throw new ImageException(
          name
              + ": manifest.json lists "
              + layerPaths.size()
              + " layers but the config lists "
              + config.diffIds().size()
              + " diff ids");
    }
    Map<Digest, String> paths = new HashMap<>();
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < layerPaths.size(); i++) {
      String layerPath = layerPaths.get(i).asText();
      Digest digest = digestInName(layerPath);
      if (digest == null) {
        digest = config.diffIds().get(i);
      }
      paths.put(digest, layerPath);
      layers.add(
          Descriptor.of(
              "application/vnd.docker.image.rootfs.diff.tar", digest, files.size(layerPath)));
    }
    Descriptor configDescriptor =
        Descriptor.of(
            "application/vnd.docker.container.image.v1+json", configDigest, configJson.length);
    ImageManifest imageManifest = new ImageManifest(configDescriptor, layers);
    byte[] synthetic = manifestBytes(imageManifest);
    return new ResolvedImage(
        name,
        Digest.of(synthetic),
        configDigest,
        imageManifest,
        config,
        new LayoutBlobs(files, paths));
  }

  private static byte[] manifestBytes(ImageManifest manifest) {
    StringBuilder json = new StringBuilder("{\"config\":\"").append(manifest.config().digest());
    manifest.layers().forEach(l -> json.append("\",\"").append(l.digest()));
    return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static @Nullable Digest digestInName(String path) {
    Matcher blob = BLOB_PATH.matcher(path);
    if (blob.matches()) {
      return Digest.parse("sha256:" + blob.group(1));
    }
    Matcher config = CONFIG_NAME.matcher(path);
    if (config.matches()) {
      return Digest.parse("sha256:" + config.group(1));
    }
    return null;
  }

  /** Blobs under {@code blobs/sha256/}, or at the paths a docker-save manifest gives. */
  private record LayoutBlobs(ArchiveFiles files, Map<Digest, String> paths) implements BlobSource {
    @Override
    public InputStream open(Descriptor descriptor) {
      String path =
          paths.getOrDefault(descriptor.digest(), "blobs/sha256/" + descriptor.digest().hex());
      if (!files.exists(path)) {
        throw new ImageException(
            files.name() + ": blob " + descriptor.digest() + " is missing (no " + path + ")");
      }
      return new VerifyingInputStream(
          files.open(path), descriptor.digest(), descriptor.size(), "blob " + descriptor.digest());
    }

    @Override
    public void close() {
      files.close();
    }
  }
}
