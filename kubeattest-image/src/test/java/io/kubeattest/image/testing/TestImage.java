package io.kubeattest.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Test fixture: a real image built from {@link TestLayer}s and a config, written as an OCI layout
 * directory, an OCI layout tar or a classic {@code docker save} tar.
 */
public final class TestImage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Layer> layers = new ArrayList<>();
  private Compression compression = Compression.GZIP;
  private final ObjectNode config = JSON.createObjectNode();
  private final ObjectNode containerConfig = config.putObject("config");

  public static TestImage create() {
    TestImage image = new TestImage();
    image.config.put("architecture", "amd64");
    image.config.put("os", "linux");
    image.config.put("created", "2024-01-02T03:04:05Z");
    return image;
  }

  /** How the OCI forms compress their layers. */
  public enum Compression {
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

    private final String mediaType;

    Compression(String mediaType) {
      this.mediaType = mediaType;
    }

    Blob blob(byte[] tar) {
      return new Blob(mediaType, this == GZIP ? TestLayer.gzip(tar) : TestLayer.zstd(tar));
    }
  }

  /** A layer: its diff id and either its uncompressed tar or its blob as given. */
  private record Layer(String diffId, byte[] tar, @Nullable Blob given) {
    Blob blob(Compression compression) {
      return given == null ? compression.blob(tar) : given;
    }

    /** What the classic docker-save form stores: the tar, or the blob as given. */
    byte[] layerFile() {
      return given == null ? tar : given.bytes();
    }
  }

  public TestImage layer(TestLayer layer) {
    byte[] tar = layer.tar();
    layers.add(new Layer("sha256:" + sha256(tar), tar, null));
    return this;
  }

  /**
   * A layer whose blob is {@code blob} as given (corrupt, truncated, hand-framed), listed with
   * {@code diffId} in the config; the docker-save form writes the blob as its layer file.
   */
  public TestImage layer(Blob blob, String diffId) {
    layers.add(new Layer(diffId, new byte[0], blob));
    return this;
  }

  /** Compresses the layers of the OCI forms with {@code compression} (gzip by default). */
  public TestImage compression(Compression compression) {
    this.compression = compression;
    return this;
  }

  public TestImage user(String user) {
    containerConfig.put("User", user);
    return this;
  }

  public TestImage created(String created) {
    config.put("created", created);
    return this;
  }

  public TestImage env(String... entries) {
    ArrayNode env = containerConfig.putArray("Env");
    for (String e : entries) {
      env.add(e);
    }
    return this;
  }

  public TestImage exposedPort(String port) {
    ObjectNode ports =
        containerConfig.has("ExposedPorts")
            ? (ObjectNode) containerConfig.get("ExposedPorts")
            : containerConfig.putObject("ExposedPorts");
    ports.putObject(port);
    return this;
  }

  public TestImage healthcheck(String... test) {
    ArrayNode t = containerConfig.putObject("Healthcheck").putArray("Test");
    for (String s : test) {
      t.add(s);
    }
    return this;
  }

  /** A blob: its bytes and digest. */
  public record Blob(String mediaType, byte[] bytes) {
    public String digest() {
      return "sha256:" + sha256(bytes);
    }
  }

  /** The layer blobs (compressed), the config blob and the manifest blob, for an OCI layout. */
  public record Blobs(List<Blob> layers, Blob config, Blob manifest) {}

  /** Builds the blobs of the OCI form. */
  public Blobs blobs() {
    ObjectNode cfg = config.deepCopy();
    ArrayNode diffIds = cfg.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    List<Blob> layerBlobs = new ArrayList<>();
    for (Layer layer : layers) {
      diffIds.add(layer.diffId());
      layerBlobs.add(layer.blob(compression));
    }
    Blob configBlob = new Blob("application/vnd.oci.image.config.v1+json", json(cfg));
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.set("config", descriptor(configBlob));
    ArrayNode ls = manifest.putArray("layers");
    layerBlobs.forEach(b -> ls.add(descriptor(b)));
    return new Blobs(
        layerBlobs,
        configBlob,
        new Blob("application/vnd.oci.image.manifest.v1+json", json(manifest)));
  }

  /** Writes an OCI image layout into {@code dir}, the manifest tagged {@code tag}. */
  public Path writeOciLayout(Path dir, String tag) {
    Map<String, byte[]> files = ociFiles(tag, blobs());
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /**
   * Writes an OCI image layout packed in a tar (the form Docker 25+ {@code docker save} writes).
   */
  public Path writeOciTar(Path file) {
    writeTar(file, ociFiles("latest", blobs()));
    return file;
  }

  /** Writes a classic {@code docker save} tar: manifest.json, HEX.json, HEX/layer.tar. */
  public Path writeDockerArchive(Path file, String repoTag) {
    Blobs blobs = blobs();
    Map<String, byte[]> files = new LinkedHashMap<>();
    String configName = sha256(blobs.config().bytes()) + ".json";
    files.put(configName, blobs.config().bytes());
    ArrayNode layerPaths = JSON.createArrayNode();
    for (Layer layer : layers) {
      String path = layer.diffId().substring("sha256:".length()) + "/layer.tar";
      files.put(path, layer.layerFile());
      layerPaths.add(path);
    }
    writeDockerManifest(file, repoTag, files, configName, layerPaths);
    return file;
  }

  /**
   * Writes a {@code docker save} tar as Docker 25+ lays it out for an image whose layers stay
   * compressed (containerd image store), minus the OCI {@code index.json}: {@code manifest.json}
   * names the compressed layer blobs under {@code blobs/sha256/}, and nothing gives their media
   * type.
   */
  public Path writeDockerArchiveOfBlobs(Path file, String repoTag) {
    Blobs blobs = blobs();
    Map<String, byte[]> files = new LinkedHashMap<>();
    String configName = "blobs/sha256/" + sha256(blobs.config().bytes());
    files.put(configName, blobs.config().bytes());
    ArrayNode layerPaths = JSON.createArrayNode();
    for (Blob layer : blobs.layers()) {
      String path = "blobs/sha256/" + sha256(layer.bytes());
      files.put(path, layer.bytes());
      layerPaths.add(path);
    }
    writeDockerManifest(file, repoTag, files, configName, layerPaths);
    return file;
  }

  private static void writeDockerManifest(
      Path file,
      String repoTag,
      Map<String, byte[]> files,
      String configName,
      ArrayNode layerPaths) {
    ArrayNode manifest = JSON.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add(repoTag);
    entry.set("Layers", layerPaths);
    files.put("manifest.json", json(manifest));
    writeTar(file, files);
  }

  private static Map<String, byte[]> ociFiles(String tag, Blobs blobs) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    ObjectNode m = descriptor(blobs.manifest());
    m.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
    index.putArray("manifests").add(m);
    files.put("index.json", json(index));
    List<Blob> all = new ArrayList<>(blobs.layers());
    all.add(blobs.config());
    all.add(blobs.manifest());
    for (Blob b : all) {
      files.put("blobs/sha256/" + sha256(b.bytes()), b.bytes());
    }
    return files;
  }

  static void writeTar(Path file, Map<String, byte[]> files) {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
        entry.setSize(f.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode descriptor(Blob blob) {
    ObjectNode d = JSON.createObjectNode();
    d.put("mediaType", blob.mediaType());
    d.put("digest", blob.digest());
    d.put("size", blob.bytes().length);
    return d;
  }

  private static byte[] json(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A class-path resource of the image module's tests, e.g. {@code pkg/dpkg/status}. */
  public static byte[] resource(String name) {
    try (InputStream in = TestImage.class.getResourceAsStream("/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A jar with a manifest and {@code pom.properties}, built with java.util.jar. */
  public static byte[] jar(String groupId, String artifactId, String version) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, artifactId);
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.putNextEntry(
          new JarEntry("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties"));
      jar.write(
          ("groupId=" + groupId + "\nartifactId=" + artifactId + "\nversion=" + version + "\n")
              .getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
      jar.putNextEntry(new JarEntry("com/example/App.class"));
      jar.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe});
      jar.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A small Debian-like image: os-release, a dpkg status, a jar, a shell, a setuid file. */
  public static TestImage debianLike() {
    return create()
        .layer(
            TestLayer.create()
                .dir("etc")
                .file(
                    "usr/lib/os-release",
                    "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n")
                .symlink("etc/os-release", "../usr/lib/os-release")
                .file("var/lib/dpkg/status", resource("pkg/dpkg/status"))
                .file("bin/dash", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0755)
                .symlink("bin/sh", "dash")
                .file("usr/bin/passwd", new byte[] {1, 2, 3}, 04755)
                .file("usr/bin/apt-get", new byte[] {1}, 0755))
        .layer(
            TestLayer.create()
                .file(
                    "app/lib/commons-text.jar", jar("org.apache.commons", "commons-text", "1.10.0"))
                .file("app/lib/old.jar", jar("com.example", "old", "0.1")))
        .layer(TestLayer.create().whiteout("app/lib/old.jar"))
        .user("1000")
        .exposedPort("8080/tcp")
        .healthcheck("CMD", "/bin/true");
  }
}
