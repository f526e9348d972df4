package io.kubeattest.image.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmHeaderParserTest {

  /** Builds a header blob the way rpm lays one out: preamble, index, data store. */
  static final class Blob {
    private final ByteArrayOutputStream index = new ByteArrayOutputStream();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private int count;

    Blob string(int tag, String value) {
      return entry(tag, 6, 1, (value + "\0").getBytes(StandardCharsets.UTF_8));
    }

    Blob int32(int tag, int value) {
      while (data.size() % 4 != 0) {
        data.write(0);
      }
      return entry(tag, 4, 1, ByteBuffer.allocate(4).putInt(value).array());
    }

    Blob entry(int tag, int type, int entryCount, byte[] bytes) {
      index.writeBytes(
          ByteBuffer.allocate(16)
              .putInt(tag)
              .putInt(type)
              .putInt(data.size())
              .putInt(entryCount)
              .array());
      data.writeBytes(bytes);
      count++;
      return this;
    }

    byte[] bytes() {
      ByteBuffer blob = ByteBuffer.allocate(8 + index.size() + data.size());
      blob.putInt(count).putInt(data.size()).put(index.toByteArray()).put(data.toByteArray());
      return blob.array();
    }
  }

  static Blob openssl() {
    return new Blob()
        .string(RpmHeaderParser.TAG_NAME, "openssl-libs")
        .string(RpmHeaderParser.TAG_VERSION, "1.1.1k")
        .string(RpmHeaderParser.TAG_RELEASE, "9.el8_7")
        .int32(RpmHeaderParser.TAG_EPOCH, 1)
        .string(RpmHeaderParser.TAG_ARCH, "x86_64")
        .string(RpmHeaderParser.TAG_SOURCERPM, "openssl-1.1.1k-9.el8_7.src.rpm")
        .string(RpmHeaderParser.TAG_LICENSE, "OpenSSL and ASL 2.0")
        .string(RpmHeaderParser.TAG_VENDOR, "Red Hat, Inc.")
        .int32(RpmHeaderParser.TAG_SIZE, 0xC0000000);
  }

  @Test
  @DisplayName("reads name, version, release, epoch, arch, source RPM, licence, vendor and size")
  void readsTags() {
    RpmHeaderParser.RpmHeader header = RpmHeaderParser.parse(openssl().bytes(), "blob");

    assertThat(header)
        .isEqualTo(
            new RpmHeaderParser.RpmHeader(
                "openssl-libs",
                "1.1.1k",
                "9.el8_7",
                1,
                "x86_64",
                "openssl-1.1.1k-9.el8_7.src.rpm",
                "OpenSSL and ASL 2.0",
                "Red Hat, Inc.",
                0xC0000000L));
    InstalledPackage p = header.toPackage("var/lib/rpm/Packages");
    assertThat(List.of(p.sourceName(), p.sourceVersion(), p.sourceRelease()))
        .containsExactly("openssl", "1.1.1k", "9.el8_7");
    assertThat(p.purl(new Distro("rhel", "8.7")))
        .isEqualTo(
            "pkg:rpm/rhel/openssl-libs@1.1.1k-9.el8_7?arch=x86_64&distro=rhel-8.7&epoch=1"
                + "&upstream=openssl-1.1.1k-9.el8_7.src.rpm");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "openssl-1.1.1k-9.el8_7.src.rpm, openssl, 1.1.1k, 9.el8_7",
    "util-linux-2.32.1-42.el8_8.src.rpm, util-linux, 2.32.1, 42.el8_8",
    "kernel-rt-5.14.0-70.nosrc.rpm, kernel-rt, 5.14.0, 70",
    "a-b-c-1-2.src.rpm, a-b-c, 1, 2"
  })
  @DisplayName("splits a source RPM file name at its last two dashes")
  void splitsSourceRpm(String file, String name, String version, String release) {
    assertThat(RpmHeaderParser.splitSourceRpm(file)).containsExactly(name, version, release);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"(none)", "openssl.src.rpm", "-1-2.src.rpm", "openssl-1-.src.rpm"})
  @DisplayName("a source RPM name without name, version and release gives no source package")
  void oddSourceRpm(String file) {
    assertThat(RpmHeaderParser.splitSourceRpm(file)).isNull();
  }

  @Test
  @DisplayName("truncated, oversized and malformed headers are refused with a one-line message")
  void badHeaders() {
    byte[] good = openssl().bytes();
    byte[] hugeCount = good.clone();
    ByteBuffer.wrap(hugeCount).putInt(0, 0x7fffffff);
    byte[] hugeData = good.clone();
    ByteBuffer.wrap(hugeData).putInt(4, 0x7ffffff0);
    byte[] unterminated = new Blob().string(RpmHeaderParser.TAG_NAME, "x").bytes();
    unterminated = Arrays.copyOf(unterminated, unterminated.length);
    unterminated[unterminated.length - 1] = 'y';
    byte[] outside = good.clone();
    ByteBuffer.wrap(outside).putInt(8 + 8, 1 << 20);

    assertBad(Arrays.copyOf(good, 5), "RPM header is 5 bytes, shorter than the 8-byte");
    assertBad(hugeCount, "RPM header has 2147483647 index entries, expected 1 to 65535");
    assertBad(hugeData, "RPM header has a data length of 2147483632 bytes");
    assertBad(Arrays.copyOf(good, good.length - 1), "RPM header is truncated");
    assertBad(unterminated, "RPM header has tag 1000 with a string that runs past the data store");
    assertBad(outside, "RPM header has index entry 0 (tag 1000) pointing outside its data");
    assertBad(
        new Blob().string(RpmHeaderParser.TAG_NAME, "x").bytes(), "RPM header has no VERSION tag");
    assertBad(
        new Blob().int32(RpmHeaderParser.TAG_NAME, 7).bytes(),
        "RPM header has tag 1000 of type 4, expected a string");
  }

  private static void assertBad(byte[] blob, String expected) {
    assertThatThrownBy(() -> RpmHeaderParser.parse(blob, "rpmdb.sqlite, header 3"))
        .isInstanceOf(PackageReadException.class)
        .hasMessageStartingWith("rpmdb.sqlite, header 3: " + expected);
  }
}
