package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.config.ScanConfig;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options that choose which version of a policy the rules apply: {@code --pss-version}. */
final class PolicyOptions {
  /** The newest Pod Security Standards version the built-in rules know (v1.37). */
  static final int LATEST_PSS_MINOR = 37;

  private static final Pattern VERSION = Pattern.compile("v1\\.(0|[1-9][0-9]{0,2})");

  @Option(
      names = "--pss-version",
      paramLabel = "v1.N|latest",
      description =
          "Pod Security Standards version the pss-* rules apply, as in the namespace label"
              + " pod-security.kubernetes.io/enforce-version; overrides settings.pssVersion of"
              + " --config (default: latest, that is v1."
              + LATEST_PSS_MINOR
              + ").",
      defaultValue = picocli.CommandLine.Option.NULL_VALUE)
  @Nullable String pssVersion;

  /**
   * The run-wide settings the rules see: {@code pssVersion}, the N of v1.N.
   *
   * @throws KubeattestException when {@code --pss-version} is not {@code latest} or a known v1.N
   */
  Map<String, Object> settings() {
    return Map.of("pssVersion", pssMinor(pssVersion == null ? "latest" : pssVersion));
  }

  /**
   * {@code config} with {@code settings.pssVersion} as an int: the flag when given, else the
   * configuration file's value ({@code v1.N}, {@code latest} or N), else the newest.
   *
   * @throws KubeattestException when a version is unknown
   */
  ScanConfig apply(ScanConfig config) {
    Object fromFile = config.settings().get("pssVersion");
    String chosen;
    if (pssVersion != null && !(pssVersion.equals("latest") && fromFile != null)) {
      chosen = pssVersion;
    } else if (fromFile instanceof Number n) {
      chosen = "v1." + n.intValue();
    } else if (fromFile != null) {
      chosen = String.valueOf(fromFile);
    } else {
      chosen = "latest";
    }
    return config.withSetting("pssVersion", pssMinor(chosen));
  }

  /** The minor version of {@code value} ({@code v1.N} or {@code latest}). */
  static int pssMinor(String value) {
    if (value.equals("latest")) {
      return LATEST_PSS_MINOR;
    }
    Matcher matcher = VERSION.matcher(value);
    if (matcher.matches()) {
      int minor = Integer.parseInt(matcher.group(1));
      if (minor <= LATEST_PSS_MINOR) {
        return minor;
      }
    }
    throw new KubeattestException(
        "unknown --pss-version '"
            + value
            + "' (expected latest or v1.0 to v1."
            + LATEST_PSS_MINOR
            + ")");
  }
}
