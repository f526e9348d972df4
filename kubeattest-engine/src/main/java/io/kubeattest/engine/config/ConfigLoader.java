package io.kubeattest.engine.config;

import static io.kubeattest.engine.tree.SpecErrors.at;
import static io.kubeattest.engine.tree.SpecErrors.pathOf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.Positions;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import io.kubeattest.engine.tree.YamlReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads {@code kubeattest.yaml}. Every problem is an {@link InputException} whose message starts
 * with {@code file:line}. Rule ids are checked against the catalogue by the caller ({@link
 * #unknownRules}).
 */
public final class ConfigLoader {
  private final ObjectMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Reads and resolves the file at {@code path}. */
  public ScanConfig load(Path path) {
    try {
      return parse(path.toString(), Files.readString(path));
    } catch (NoSuchFileException e) {
      throw new InputException(path + ": config file not found");
    } catch (IOException e) {
      throw new InputException(path + ": cannot read config: " + e.getMessage(), e);
    }
  }

  /** Resolves config text read from {@code name}. */
  public ScanConfig parse(String name, String text) {
    List<YamlDocument> documents = new ArrayList<>();
    new YamlReader(YamlLimits.DEFAULT).read(name, new StringReader(text), documents::add);
    YamlDocument document =
        documents.stream().filter(d -> d.root() != null).findFirst().orElse(null);
    if (document == null) {
      return ScanConfig.DEFAULT;
    }
    Positions positions = document.positions();
    ConfigFileSpec spec;
    try {
      spec = mapper.convertValue(document.root(), ConfigFileSpec.class);
    } catch (IllegalArgumentException e) {
      FieldPath path = pathOf(e);
      String what =
          e.getCause() instanceof UnrecognizedPropertyException u
              ? "unknown field '" + u.getPropertyName() + "'"
              : "wrong type for '" + path + "'";
      throw new InputException(at(name, positions, path) + what);
    }
    if (!ConfigFileSpec.API_VERSION.equals(spec.apiVersion())
        || !ConfigFileSpec.KIND.equals(spec.kind())) {
      throw new InputException(
          at(name, positions, FieldPath.root())
              + "expected apiVersion: "
              + ConfigFileSpec.API_VERSION
              + " and kind: "
              + ConfigFileSpec.KIND);
    }
    ConfigFileSpec.RulesSpec rules =
        spec.rules() == null ? new ConfigFileSpec.RulesSpec(null, null, null, null) : spec.rules();
    Map<String, Severity> severities = new LinkedHashMap<>();
    Objects.requireNonNullElse(rules.severity(), Map.<String, String>of())
        .forEach(
            (rule, value) -> {
              try {
                severities.put(rule, Severity.parse(value));
              } catch (IllegalArgumentException e) {
                throw new InputException(
                    at(name, positions, FieldPath.parse("rules.severity").key(rule))
                        + e.getMessage());
              }
            });
    Map<String, FieldPath> podTemplates = new LinkedHashMap<>();
    List<ConfigFileSpec.WorkloadSpec> workloads =
        Objects.requireNonNullElse(spec.workloads(), List.of());
    for (int i = 0; i < workloads.size(); i++) {
      ConfigFileSpec.WorkloadSpec workload = workloads.get(i);
      FieldPath at = FieldPath.root().key("workloads").index(i);
      if (workload.apiVersion() == null
          || workload.kind() == null
          || workload.podTemplate() == null) {
        throw new InputException(
            at(name, positions, at) + "a workload needs apiVersion, kind and podTemplate");
      }
      try {
        podTemplates.put(
            groupKind(workload.apiVersion(), workload.kind()),
            FieldPath.parse(workload.podTemplate()));
      } catch (IllegalArgumentException e) {
        throw new InputException(at(name, positions, at.key("podTemplate")) + e.getMessage());
      }
    }
    List<Exemption> exemptions = new ArrayList<>();
    List<ConfigFileSpec.ExemptionSpec> specs =
        Objects.requireNonNullElse(spec.exemptions(), List.of());
    for (int i = 0; i < specs.size(); i++) {
      exemptions.add(
          exemption(name, positions, FieldPath.root().key("exemptions").index(i), specs.get(i)));
    }
    return new ScanConfig(
        new LinkedHashSet<>(Objects.requireNonNullElse(rules.disable(), List.of())),
        new LinkedHashSet<>(Objects.requireNonNullElse(rules.enable(), List.of())),
        severities,
        Objects.requireNonNullElse(rules.params(), Map.of()),
        Objects.requireNonNullElse(spec.settings(), Map.of()),
        podTemplates,
        exemptions,
        !Boolean.FALSE.equals(spec.annotationExemptions()));
  }

  /** The rule ids the configuration names that {@code known} does not hold. */
  public static Set<String> unknownRules(ScanConfig config, Set<String> known) {
    Set<String> named = new LinkedHashSet<>();
    named.addAll(config.disabled());
    named.addAll(config.enabledOnly());
    named.addAll(config.severities().keySet());
    named.addAll(config.params().keySet());
    config.exemptions().stream()
        .map(Exemption::rule)
        .filter(r -> !r.equals("*"))
        .forEach(named::add);
    named.removeAll(known);
    return named;
  }

  /** {@code group/Kind}, the key custom resources are known by ({@code /Kind} for core). */
  public static String groupKind(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return (slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + kind;
  }

  private static Exemption exemption(
      String file, Positions positions, FieldPath path, ConfigFileSpec.ExemptionSpec spec) {
    if (spec.rule() == null || spec.rule().isBlank()) {
      throw new InputException(at(file, positions, path) + "an exemption needs a rule (or \"*\")");
    }
    if (spec.reason() == null || spec.reason().isBlank()) {
      throw new InputException(
          at(file, positions, path) + "exemption of " + spec.rule() + " needs a reason");
    }
    LocalDate expires = null;
    if (spec.expires() != null) {
      try {
        expires = LocalDate.parse(spec.expires());
      } catch (DateTimeParseException e) {
        throw new InputException(
            at(file, positions, path.key("expires"))
                + "expires '"
                + spec.expires()
                + "' is not a date (YYYY-MM-DD)");
      }
    }
    SourceLocation location = positions.locateNearest(path);
    return new Exemption(
        spec.rule(),
        Objects.requireNonNullElse(spec.namespace(), "*"),
        Objects.requireNonNullElse(spec.name(), "*"),
        spec.kind(),
        spec.reason(),
        expires,
        location == null ? new SourceLocation(file, 1, 1) : location);
  }
}
