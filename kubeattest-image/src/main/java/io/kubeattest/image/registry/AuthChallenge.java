package io.kubeattest.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} challenge: its scheme ({@code bearer} or {@code basic}, lower case)
 * and parameters ({@code realm}, {@code service}, {@code scope}).
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {
  private static final Pattern PARAMETER =
      Pattern.compile("([A-Za-z][\\w-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]+))");

  AuthChallenge {
    parameters = Map.copyOf(parameters);
  }

  /** Parses a header value; empty when it names no scheme. */
  static Optional<AuthChallenge> parse(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
    if (scheme.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (space >= 0) {
      Matcher m = PARAMETER.matcher(value.substring(space + 1));
      while (m.find()) {
        String v = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3);
        parameters.put(m.group(1).toLowerCase(Locale.ROOT), v);
      }
    }
    return Optional.of(new AuthChallenge(scheme, parameters));
  }
}
