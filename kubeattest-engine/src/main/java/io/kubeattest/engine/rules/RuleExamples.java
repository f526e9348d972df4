package io.kubeattest.engine.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The example manifests shipped beside the built-in rules: for each rule, one that passes and one
 * that fails ({@code kubeattest/rules/examples/RULE-ID.pass.yaml} and {@code .fail.yaml}). The
 * tests run every one; {@code rules explain} prints them.
 */
public final class RuleExamples {
  private static final String ROOT = "kubeattest/rules/examples/";

  private RuleExamples() {}

  /** The passing example of {@code ruleId}, if it ships one. */
  public static Optional<String> passing(String ruleId) {
    return load(ROOT + ruleId + ".pass.yaml");
  }

  /** The failing example of {@code ruleId}, if it ships one. */
  public static Optional<String> failing(String ruleId) {
    return load(ROOT + ruleId + ".fail.yaml");
  }

  private static Optional<String> load(String name) {
    try (InputStream in = RuleExamples.class.getClassLoader().getResourceAsStream(name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
