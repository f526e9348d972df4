package io.kubeattest.engine.rules;

import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.model.Rule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one run, compiled, with a digest over their source files so a scan result records
 * exactly which catalogue produced it. Immutable and thread-safe.
 */
public final class RuleCatalogue {
  private final Map<String, CompiledRule> rules;
  private final String digest;

  private RuleCatalogue(Map<String, CompiledRule> rules, String digest) {
    this.rules = rules;
    this.digest = digest;
  }

  /** The built-in rules only. */
  public static RuleCatalogue builtIn() {
    return load(RuleLoader.builtInSources());
  }

  /**
   * Compiles {@code sources} into a catalogue.
   *
   * @throws RuleException when a rule does not load or compile, or two rules share an id
   */
  public static RuleCatalogue load(List<RuleLoader.RuleSource> sources) {
    return load(sources, new RuleLoader());
  }

  /** Compiles {@code sources} with {@code loader} (for example one that ignores stored trees). */
  static RuleCatalogue load(List<RuleLoader.RuleSource> sources, RuleLoader loader) {
    List<CompiledRule> compiled = loader.compile(sources);
    Map<String, CompiledRule> byId = new LinkedHashMap<>();
    for (CompiledRule rule : compiled) {
      CompiledRule previous = byId.putIfAbsent(rule.rule().id(), rule);
      if (previous != null) {
        throw new RuleException(
            rule.rule().source()
                + ": rule id '"
                + rule.rule().id()
                + "' is already defined at "
                + previous.rule().source());
      }
    }
    return new RuleCatalogue(Map.copyOf(byId), digest(sources));
  }

  /**
   * This catalogue as a configuration wants it: without {@code disabled} rules, only {@code
   * enabledOnly} when that is not empty, and with {@code severities} overriding the rules' own. The
   * digest stays the one of the rule sources.
   */
  public RuleCatalogue configure(
      java.util.Set<String> disabled,
      java.util.Set<String> enabledOnly,
      Map<String, io.kubeattest.engine.model.Severity> severities) {
    Map<String, CompiledRule> kept = new LinkedHashMap<>();
    for (CompiledRule rule : rules.values()) {
      String id = rule.rule().id();
      if (disabled.contains(id) || (!enabledOnly.isEmpty() && !enabledOnly.contains(id))) {
        continue;
      }
      io.kubeattest.engine.model.Severity severity = severities.get(id);
      kept.put(
          id,
          severity == null
              ? rule
              : new CompiledRule(
                  rule.rule().withSeverity(severity),
                  rule.kinds(),
                  rule.containerTypes(),
                  rule.match(),
                  rule.validate(),
                  rule.message(),
                  rule.evidence(),
                  rule.failStatus(),
                  rule.skip()));
    }
    return new RuleCatalogue(Map.copyOf(kept), digest);
  }

  /** Every rule, in load order. */
  public List<CompiledRule> rules() {
    return rules.values().stream()
        .sorted(java.util.Comparator.comparing(r -> r.rule().id()))
        .toList();
  }

  public Optional<CompiledRule> find(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** The documentation part of every rule. */
  public List<Rule> descriptions() {
    return rules().stream().map(CompiledRule::rule).toList();
  }

  /**
   * The same catalogue restricted to the rules whose id is in {@code ids} (for example one
   * framework's rules); the digest stays that of the full catalogue.
   */
  public RuleCatalogue restrictedTo(java.util.Set<String> ids) {
    Map<String, CompiledRule> kept = new LinkedHashMap<>(rules);
    kept.keySet().retainAll(ids);
    return new RuleCatalogue(Map.copyOf(kept), digest);
  }

  public int size() {
    return rules.size();
  }

  /** {@code sha256:<hex>} over every source's name and text. */
  public String digest() {
    return digest;
  }

  private static String digest(List<RuleLoader.RuleSource> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleLoader.RuleSource source : sources) {
        sha.update(source.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(source.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
