package io.kubeattest.image.scan;

import io.kubeattest.image.pkg.Distro;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code ID} and {@code VERSION_ID} from an {@code os-release} file (shell-style pairs). */
final class OsReleaseParser {
  private OsReleaseParser() {}

  static Optional<Distro> parse(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.lines().toList()) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq <= 0) {
        continue;
      }
      String value = l.substring(eq + 1).strip();
      if (value.length() >= 2
          && ((value.startsWith("\"") && value.endsWith("\""))
              || (value.startsWith("'") && value.endsWith("'")))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(l.substring(0, eq).strip(), value);
    }
    String id = values.get("ID");
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Distro(id, values.get("VERSION_ID")));
  }
}
