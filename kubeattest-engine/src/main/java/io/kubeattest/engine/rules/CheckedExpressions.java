package io.kubeattest.engine.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Type-checked CEL expressions stored by the build, so that a run does not parse and type-check the
 * built-in rules again: that was most of a scan's start-up. Each entry is keyed by the exact key
 * {@link CelEnvironment} compiles under (subject kind, expected type and expression text), so an
 * edited expression is simply not found and compiles from source. The file records a fingerprint of
 * the environment it was checked in; a file from another environment is ignored as a whole.
 *
 * <p>Format: the magic {@code KACEL1}, the fingerprint, the entry count, then per entry the key and
 * a serialized {@code cel.expr.CheckedExpr}, each as a length-prefixed byte string.
 */
final class CheckedExpressions {
  /** Where the build puts the file of the built-in catalogues, on the class path. */
  static final String RESOURCE = "kubeattest/rules/checked-expressions.bin";

  private static final String MAGIC = "KACEL1";
  private static final int MAX_LENGTH = 1 << 24;

  private static final CheckedExpressions NONE = new CheckedExpressions(Map.of());

  private final Map<String, byte[]> entries;

  private CheckedExpressions(Map<String, byte[]> entries) {
    this.entries = entries;
  }

  static CheckedExpressions none() {
    return NONE;
  }

  /**
   * The file the build stored on the class path, when there is one from this environment; otherwise
   * an empty store (every expression then compiles from source, only slower).
   */
  static CheckedExpressions builtIn(String fingerprint) {
    try (InputStream in = CheckedExpressions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? NONE : read(in, fingerprint);
    } catch (IOException e) {
      return NONE;
    }
  }

  /** Reads a stored file; one from another environment or a damaged one reads as empty. */
  static CheckedExpressions read(InputStream stream, String fingerprint) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    try {
      if (!MAGIC.equals(string(in)) || !fingerprint.equals(string(in))) {
        return NONE;
      }
      int count = in.readInt();
      Map<String, byte[]> entries = new HashMap<>(Math.max(16, count * 2));
      for (int i = 0; i < count; i++) {
        entries.put(string(in), bytes(in));
      }
      return new CheckedExpressions(entries);
    } catch (EOFException | IllegalStateException e) {
      return NONE;
    }
  }

  /** The checked tree stored under {@code key}, when there is one and it reads. */
  Optional<CelAbstractSyntaxTree> find(String key) {
    byte[] stored = entries.get(key);
    if (stored == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(stored)).getAst());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  int size() {
    return entries.size();
  }

  /** The keys of the stored trees. */
  java.util.Set<String> keys() {
    return entries.keySet();
  }

  /**
   * Writes {@code trees} (sorted by key, so equal inputs give equal bytes) with the fingerprint.
   */
  static void write(
      SortedMap<String, CelAbstractSyntaxTree> trees, String fingerprint, OutputStream stream)
      throws IOException {
    DataOutputStream out = new DataOutputStream(stream);
    writeBytes(out, MAGIC.getBytes(StandardCharsets.UTF_8));
    writeBytes(out, fingerprint.getBytes(StandardCharsets.UTF_8));
    out.writeInt(trees.size());
    for (Map.Entry<String, CelAbstractSyntaxTree> entry : trees.entrySet()) {
      writeBytes(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream checked = new ByteArrayOutputStream();
      CelProtoAbstractSyntaxTree.fromCelAst(entry.getValue()).toCheckedExpr().writeTo(checked);
      writeBytes(out, checked.toByteArray());
    }
    out.flush();
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_LENGTH) {
      throw new IllegalStateException("bad length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
