package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a component's argv the way its flag library does (spf13/pflag for Kubernetes components,
 * Go's {@code flag} package for etcd).
 *
 * <p>Accepted forms: {@code --name=value}, {@code --name value}, bare {@code --name} (value {@code
 * "true"}), and the single-dash forms {@code -name=value}, {@code -name value}, {@code -name} that
 * Go's flag package accepts (pflag's one-letter shorthands such as {@code -v=2} and {@code -v 2}
 * parse the same way; combined shorthands such as {@code -v2} are read as a flag named {@code v2}).
 * {@code --} ends the flags; everything after it is positional.
 *
 * <p>The separate-value rule: after a flag without {@code =}, the next token is its value unless
 * that token starts with {@code --}, or with {@code -} followed by a letter (so {@code
 * --oom-score-adj -999} works). This is ambiguous for a bare boolean flag followed by a positional
 * argument. For the boolean flags in {@link #BOOLEAN_FLAGS} the parser does what pflag and Go do: a
 * boolean flag never takes a separate value, so {@code --profiling false} sets {@code profiling} to
 * {@code "true"} and records {@code "false"} as a positional argument (a real component refuses to
 * start with it).
 */
public final class FlagParser {

  /** Boolean flags of the audited components: they only take a value with {@code =}. */
  public static final Set<String> BOOLEAN_FLAGS =
      Set.of(
          "anonymous-auth",
          "profiling",
          "contention-profiling",
          "service-account-lookup",
          "service-account-extend-token-expiration",
          "use-service-account-credentials",
          "allow-privileged",
          "enable-bootstrap-token-auth",
          "enable-aggregator-routing",
          "enable-garbage-collector",
          "leader-elect",
          "logtostderr",
          "alsologtostderr",
          "client-cert-auth",
          "peer-client-cert-auth",
          "auto-tls",
          "peer-auto-tls",
          "enable-v2",
          "enable-pprof",
          "strict-reconfig-check",
          "make-iptables-util-chains",
          "rotate-certificates",
          "rotate-server-certificates",
          "protect-kernel-defaults",
          "seccomp-default",
          "authentication-token-webhook",
          "fail-swap-on",
          "enable-debugging-handlers",
          "cluster-init",
          "secrets-encryption");

  private FlagParser() {}

  /** Parses the tokens after the program name (and after any sub-command words). */
  public static ParsedFlags parse(List<String> tokens) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("--")) {
        args.addAll(tokens.subList(i + 1, tokens.size()));
        break;
      }
      String body = flagBody(token);
      if (body == null) {
        args.add(token);
        continue;
      }
      int eq = body.indexOf('=');
      String name;
      String value;
      if (eq >= 0) {
        name = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else {
        name = body;
        if (!BOOLEAN_FLAGS.contains(name)
            && i + 1 < tokens.size()
            && !looksLikeFlag(tokens.get(i + 1))) {
          value = tokens.get(++i);
        } else {
          value = "true";
        }
      }
      if (name.isEmpty()) {
        args.add(token);
      } else {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new ParsedFlags(values, args);
  }

  /** The flag text without its dashes, or null when the token is not a flag. */
  private static @Nullable String flagBody(String token) {
    if (token.startsWith("--")) {
      String body = token.substring(2);
      return body.isEmpty() || body.startsWith("-") ? null : body;
    }
    if (token.startsWith("-") && token.length() > 1 && Character.isLetter(token.charAt(1))) {
      return token.substring(1);
    }
    return null;
  }

  private static boolean looksLikeFlag(String token) {
    return token.startsWith("--")
        || (token.length() > 1 && token.charAt(0) == '-' && Character.isLetter(token.charAt(1)));
  }
}
