package io.kubeattest.image.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the version-vector files in {@code src/test/resources/version-vectors}. */
final class VersionVectors {
  private VersionVectors() {}

  /** One line of a vector file: {@code left op right}, with op one of {@code < = >}. */
  record Vector(String file, int line, String left, int expected, String right) {
    @Override
    public String toString() {
      String op = expected < 0 ? "<" : expected > 0 ? ">" : "=";
      return file + ":" + line + " " + left + " " + op + " " + right;
    }
  }

  static List<Vector> read(String file) {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = VersionVectors.class.getResourceAsStream("/version-vectors/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector file " + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isEmpty() || line.startsWith("# ") || line.startsWith("// ")) {
          continue;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3) {
          throw new IllegalArgumentException(file + ":" + number + ": not 'a op b': " + line);
        }
        vectors.add(new Vector(file, number, parts[0], sign(parts[1], file, number), parts[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  private static int sign(String op, String file, int line) {
    return switch (op) {
      case "<" -> -1;
      case "=" -> 0;
      case ">" -> 1;
      default -> throw new IllegalArgumentException(file + ":" + line + ": bad operator " + op);
    };
  }
}
