package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoBinaryReaderTest {
  private final GoBinaryReader reader = new GoBinaryReader();

  private static final byte[] SENTINEL_START = {
    0x30,
    0x77,
    (byte) 0xaf,
    0x0c,
    (byte) 0x92,
    0x74,
    0x08,
    0x02,
    0x41,
    (byte) 0xe1,
    (byte) 0xc1,
    0x07,
    (byte) 0xe6,
    (byte) 0xd6,
    0x18,
    (byte) 0xe6
  };
  private static final byte[] SENTINEL_END = {
    (byte) 0xf9,
    0x32,
    0x43,
    0x31,
    (byte) 0x86,
    0x18,
    0x20,
    0x72,
    0x00,
    (byte) 0x82,
    0x42,
    0x10,
    0x41,
    0x16,
    (byte) 0xd8,
    (byte) 0xf2
  };

  static final String MODULES =
      """
      path\tgithub.com/example/tool/cmd/tool
      mod\tgithub.com/example/tool\tv1.4.2\th1:abc=
      dep\tgithub.com/spf13/cobra\tv1.8.0\th1:def=
      dep\tgolang.org/x/net\tv0.17.0\th1:ghi=
      =>\tgolang.org/x/net\tv0.23.0\th1:jkl=
      dep\tgithub.com/local/thing\tv0.0.0
      =>\t../thing\t\t
      build\t-compiler=gc
      build\tGOOS=linux
      """;

  /** An ELF-like file: some bytes, then the build information at a 16-byte aligned offset. */
  static byte[] binary(String goVersion, String modules, int flags, int prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F'});
    out.writeBytes(new byte[prefix - 4]);
    out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
    out.write(8);
    out.write(flags);
    out.writeBytes(new byte[16]);
    writeString(out, goVersion.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.writeBytes(SENTINEL_START);
    info.writeBytes(modules.getBytes(StandardCharsets.UTF_8));
    info.writeBytes(SENTINEL_END);
    writeString(out, info.toByteArray());
    out.writeBytes(new byte[64]);
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
    long length = bytes.length;
    while (length >= 0x80) {
      out.write((int) (length & 0x7f) | 0x80);
      length >>>= 7;
    }
    out.write((int) length);
    out.writeBytes(bytes);
  }

  private List<InstalledPackage> read(byte[] bytes) {
    return reader.read("usr/local/bin/tool", new ByteArrayInputStream(bytes));
  }

  @Test
  @DisplayName("lists the main module, every dependency with replacements, and stdlib")
  void modules() {
    List<InstalledPackage> packages = read(binary("go1.21.5 X:boringcrypto", MODULES, 0x2, 4096));

    assertThat(packages.stream().map(p -> p.purl(null)))
        .containsExactly(
            "pkg:golang/github.com/example/tool@v1.4.2",
            "pkg:golang/github.com/spf13/cobra@v1.8.0",
            "pkg:golang/golang.org/x/net@v0.23.0",
            "pkg:golang/github.com/local/thing@v0.0.0",
            "pkg:golang/stdlib@v1.21.5");
    assertThat(packages.get(2).name()).isEqualTo("golang.org/x/net");
    assertThat(packages).allSatisfy(p -> assertThat(p.location()).isEqualTo("usr/local/bin/tool"));
  }

  @Test
  @DisplayName("a modules string longer than 127 bytes (multi-byte varint) is read whole")
  void longVarint() {
    StringBuilder modules = new StringBuilder("mod\tm\tv1.0.0\t\n");
    for (int i = 0; i < 400; i++) {
      modules
          .append("dep\texample.com/m")
          .append(i)
          .append("\tv1.0.")
          .append(i)
          .append("\th1:x=\n");
    }

    assertThat(read(binary("go1.22.0", modules.toString(), 0x2, 65536 + 48))).hasSize(402);
  }

  @Test
  @DisplayName(
      "no build information, an unaligned magic or the pre-1.18 pointer format give nothing")
  void nothing() {
    byte[] unaligned = binary("go1.21.5", MODULES, 0x2, 4096 + 3);

    assertThat(read("just some bytes".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(read(unaligned)).isEmpty();
    assertThat(read(binary("go1.17", MODULES, 0x0, 4096))).isEmpty();
  }

  @Test
  @DisplayName("a truncated build information blob or a huge length gives an error naming the file")
  void truncated() {
    byte[] whole = binary("go1.21.5", MODULES, 0x2, 4096);
    byte[] huge = whole.clone();
    huge[4096 + 32] = (byte) 0xff;
    huge[4096 + 33] = (byte) 0xff;
    huge[4096 + 34] = (byte) 0xff;
    huge[4096 + 35] = 0x7f;

    assertThatThrownBy(() -> read(Arrays.copyOf(whole, 4096 + 60)))
        .isInstanceOf(PackageReadException.class)
        .hasMessageStartingWith("usr/local/bin/tool: Go binary is truncated inside its ");
    assertThatThrownBy(() -> read(huge))
        .isInstanceOf(PackageReadException.class)
        .hasMessageStartingWith("usr/local/bin/tool: Go binary claims a Go version of ");
  }
}
