package io.kubeattest.image.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the modules compiled into a Go binary from its build information (Go 1.18 and later).
 *
 * <p>Format facts used: the linker writes a 32-byte header at a 16-byte aligned file offset: the
 * magic {@code "\xff Go buildinf:"} (14 bytes), the pointer size, and a flags byte whose bit 1
 * marks the inline format. In that format two strings follow the header, each an unsigned varint
 * length and its bytes: the Go version and the module information. The module information, framed
 * by 16 sentinel bytes on each side, has tab-separated lines: {@code mod PATH VERSION SUM} for the
 * main module, {@code dep PATH VERSION SUM} for each dependency, and {@code => PATH VERSION SUM}
 * replacing the dependency above it. Binaries from before Go 1.18 (pointer format) and binaries
 * without build information give no packages.
 *
 * <p>The packages are the main module, every dependency (replacements applied when they carry a
 * version), and {@code stdlib} at the toolchain version ({@code go1.21.5} becomes {@code v1.21.5}),
 * since the standard library has vulnerabilities of its own.
 */
public final class GoBinaryReader implements PackageDatabaseReader {
  private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER = 32;
  private static final int ALIGN = 16;
  private static final int FLAG_INLINE = 0x2;
  private static final int MAX_STRING = 1 << 20;
  private static final int SENTINEL = 16;

  /** Go binaries are recognised by content: every path is accepted. */
  @Override
  public boolean accepts(String path) {
    return true;
  }

  @Override
  public List<InstalledPackage> read(String location, InputStream content) {
    try {
      InputStream in = new BufferedInputStream(content, 1 << 16);
      while (true) {
        if (!seekHeader(in)) {
          return List.of();
        }
        byte[] rest = in.readNBytes(HEADER - MAGIC.length);
        if (rest.length < HEADER - MAGIC.length) {
          throw bad(location, "is truncated inside the build information header");
        }
        if (rest[0] == 4 || rest[0] == 8) {
          if ((rest[1] & FLAG_INLINE) == 0) {
            return List.of();
          }
          break;
        }
        // the magic without a valid header, e.g. as a constant in the Go toolchain: look on
      }
      String goVersion = string(in, location, "Go version");
      String modules = string(in, location, "module information");
      return packages(goVersion, modules, location);
    } catch (IOException e) {
      throw new PackageReadException(location + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Advances {@code in} past the magic at an aligned offset; false when the stream ends first. */
  private static boolean seekHeader(InputStream in) throws IOException {
    byte[] block = new byte[ALIGN];
    while (true) {
      in.mark(ALIGN);
      int n = in.readNBytes(block, 0, ALIGN);
      if (n < ALIGN) {
        return false;
      }
      if (Arrays.equals(block, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        in.reset();
        in.skipNBytes(MAGIC.length);
        return true;
      }
    }
  }

  private static String string(InputStream in, String location, String what) throws IOException {
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.read();
      if (b < 0 || shift > 28) {
        throw bad(location, "has a truncated or overlong length of its " + what);
      }
      length |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (length > MAX_STRING) {
      throw bad(location, "claims a " + what + " of " + length + " bytes");
    }
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length < length) {
      throw bad(location, "is truncated inside its " + what);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static List<InstalledPackage> packages(
      String goVersion, String modules, String location) {
    String text = modules;
    if (text.length() >= 2 * SENTINEL + 1 && text.charAt(text.length() - SENTINEL - 1) == '\n') {
      text = text.substring(SENTINEL, text.length() - SENTINEL);
    }
    List<String[]> found = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String[] fields = line.split("\t", -1);
      switch (fields[0]) {
        case "mod", "dep" -> found.add(fields);
        case "=>" -> {
          if (!found.isEmpty() && fields.length >= 3 && !fields[2].isEmpty()) {
            found.set(found.size() - 1, fields);
          }
        }
        default -> {
          // path, build settings and blank lines carry no modules
        }
      }
    }
    List<InstalledPackage> packages = new ArrayList<>();
    for (String[] fields : found) {
      if (fields.length >= 3 && !fields[1].isEmpty() && !fields[2].isEmpty()) {
        packages.add(module(fields[1], fields[2], location));
      }
    }
    String stdlib = stdlibVersion(goVersion);
    if (stdlib != null) {
      packages.add(module("stdlib", stdlib, location));
    }
    return List.copyOf(packages);
  }

  private static @Nullable String stdlibVersion(String goVersion) {
    String version = goVersion.strip();
    int space = version.indexOf(' ');
    if (space >= 0) {
      version = version.substring(0, space);
    }
    return version.startsWith("go") && version.length() > 2 ? "v" + version.substring(2) : null;
  }

  private static InstalledPackage module(String path, String version, String location) {
    return InstalledPackage.builder(PackageType.GOLANG, path, version, location).build();
  }

  private static PackageReadException bad(String location, String problem) {
    return new PackageReadException(location + ": Go binary " + problem);
  }
}
