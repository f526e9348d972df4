package io.kubeattest.image.scan;

import io.kubeattest.image.fs.FileEntry;
import io.kubeattest.image.fs.LayerInfo;
import io.kubeattest.image.fs.LayerVisitor;
import io.kubeattest.image.pkg.ApkInstalledReader;
import io.kubeattest.image.pkg.DpkgStatusReader;
import io.kubeattest.image.pkg.GoBinaryReader;
import io.kubeattest.image.pkg.InstalledPackage;
import io.kubeattest.image.pkg.JarReader;
import io.kubeattest.image.pkg.NpmPackageReader;
import io.kubeattest.image.pkg.PackageDatabaseReader;
import io.kubeattest.image.pkg.PackageReadException;
import io.kubeattest.image.pkg.PythonMetadataReader;
import io.kubeattest.image.pkg.RpmDatabaseReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The layer visitor of an image scan: reads {@code os-release}, runs the package reader that
 * accepts a file's path (Go binaries: executable ELF files), and looks for secrets by file name and
 * by a sniff of the first bytes of small files. A reader's error becomes a warning; the scan goes
 * on. Not thread-safe (it collects warnings).
 */
final class FileInspector implements LayerVisitor<FileFacts> {
  static final int MAX_OS_RELEASE_BYTES = 64 << 10;
  static final int MAX_SNIFFED_FILE_BYTES = 64 << 10;
  static final int SNIFF_BYTES = 8 << 10;

  private static final Pattern OS_RELEASE = Pattern.compile("(etc|usr/lib)/os-release");
  private static final Pattern NOT_SNIFFED =
      Pattern.compile("(^usr/share/|^usr/include/|/tests?/|/testdata/|/docs?/|^proc/|^sys/)");
  private static final List<SecretName> SECRET_NAMES =
      List.of(
          new SecretName(Pattern.compile("(^|/)id_(rsa|dsa|ecdsa|ed25519)$"), "SSH private key"),
          new SecretName(Pattern.compile("(^|/)\\.aws/credentials$"), "AWS credentials file"),
          new SecretName(Pattern.compile("(^|/)\\.git-credentials$"), "git credentials"),
          new SecretName(Pattern.compile("(^|/)\\.(netrc|pgpass)$"), "password file"),
          new SecretName(
              Pattern.compile(
                  "(^|/)\\.config/gcloud/(credentials\\.db|application_default_credentials\\.json)$"),
              "Google Cloud credentials"),
          new SecretName(Pattern.compile("(^|/)\\.kube/config$"), "kubeconfig"));
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----");
  private static final Pattern AWS_SECRET =
      Pattern.compile("(?i)aws_secret_access_key\\s*[=:]\\s*\\S{20,}");
  private static final Pattern GCP_KEY =
      Pattern.compile("\"type\"\\s*:\\s*\"service_account\"[\\s\\S]*\"private_key\"");
  private static final Pattern DOCKER_AUTH =
      Pattern.compile("\"auths\"[\\s\\S]*\"auth\"\\s*:\\s*\"[A-Za-z0-9+/=]{8,}\"");

  private final List<PackageDatabaseReader> readers =
      List.of(
          new DpkgStatusReader(),
          new ApkInstalledReader(),
          new RpmDatabaseReader(),
          new JarReader(),
          new NpmPackageReader(),
          new PythonMetadataReader());
  private final GoBinaryReader goReader = new GoBinaryReader();
  private final List<String> warnings = new ArrayList<>();

  /** Reader errors met so far, one line each. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public @Nullable FileFacts visit(FileEntry entry, InputStream content, LayerInfo layer) {
    String path = entry.path();
    try {
      if (OS_RELEASE.matcher(path).matches()) {
        byte[] bytes = content.readNBytes(MAX_OS_RELEASE_BYTES);
        return OsReleaseParser.parse(new String(bytes, StandardCharsets.UTF_8))
            .map(d -> new FileFacts(List.of(), d, null))
            .orElse(null);
      }
      for (PackageDatabaseReader reader : readers) {
        if (reader.accepts(path)) {
          return packages(reader.read("/" + path, content));
        }
      }
      BufferedInputStream in = new BufferedInputStream(content, SNIFF_BYTES);
      in.mark(SNIFF_BYTES);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      in.reset();
      if (entry.executable() && isElf(head)) {
        return packages(goReader.read("/" + path, in));
      }
      String secret = secretKind(path, entry.size(), head);
      return secret == null ? null : new FileFacts(List.of(), null, secret);
    } catch (PackageReadException e) {
      warnings.add(layerName(layer) + ": " + e.getMessage());
      return null;
    } catch (IOException e) {
      warnings.add(layerName(layer) + ": /" + path + ": cannot be read: " + e.getMessage());
      return null;
    }
  }

  private static String layerName(LayerInfo layer) {
    return "layer " + (layer.index() + 1);
  }

  private static @Nullable FileFacts packages(List<InstalledPackage> packages) {
    return packages.isEmpty() ? null : new FileFacts(packages, null, null);
  }

  private static boolean isElf(byte[] head) {
    return head.length >= 4
        && head[0] == 0x7f
        && head[1] == 'E'
        && head[2] == 'L'
        && head[3] == 'F';
  }

  static @Nullable String secretKind(String path, long size, byte[] head) {
    for (SecretName name : SECRET_NAMES) {
      if (name.pattern().matcher(path).find()) {
        return name.kind();
      }
    }
    if (size > MAX_SNIFFED_FILE_BYTES || NOT_SNIFFED.matcher(path).find()) {
      return null;
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (PRIVATE_KEY.matcher(text).find()) {
      return "private key";
    }
    if (AWS_SECRET.matcher(text).find()) {
      return "AWS secret access key";
    }
    if (GCP_KEY.matcher(text).find()) {
      return "Google Cloud service account key";
    }
    if (path.endsWith(".docker/config.json") && DOCKER_AUTH.matcher(text).find()) {
      return "Docker registry credentials";
    }
    return null;
  }

  private record SecretName(Pattern pattern, String kind) {}
}
