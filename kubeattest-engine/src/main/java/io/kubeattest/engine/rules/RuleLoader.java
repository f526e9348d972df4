package io.kubeattest.engine.rules;

import static io.kubeattest.engine.tree.SpecErrors.at;
import static io.kubeattest.engine.tree.SpecErrors.describe;
import static io.kubeattest.engine.tree.SpecErrors.location;
import static io.kubeattest.engine.tree.SpecErrors.pathOf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.kubeattest.engine.InputException;
import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.Severity;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.rules.RuleFileSpec.RuleSpec;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.Positions;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import io.kubeattest.engine.tree.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads rule files and compiles every CEL expression once. Any problem stops loading with a {@link
 * RuleException} whose message starts with {@code file:line}.
 */
public final class RuleLoader {
  private static final String BUILT_IN_ROOT = "kubeattest/rules/";
  private static final Set<String> CONTAINER_TYPES =
      Set.of("container", "initContainer", "ephemeralContainer");

  private final CelEnvironment cel;
  private final ObjectMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final YamlReader yaml = new YamlReader(YamlLimits.DEFAULT);

  /** A loader that takes the built-in rules' checked expressions from the build's store. */
  public RuleLoader() {
    this(new CelEnvironment());
  }

  RuleLoader(CelEnvironment cel) {
    this.cel = cel;
  }

  /** A rule file's name and text, before compilation. */
  public record RuleSource(String name, String text) {}

  /** The rule files shipped in the engine, in the order of their index. */
  public static List<RuleSource> builtInSources() {
    return resourceSources(BUILT_IN_ROOT);
  }

  /**
   * The rule files under a class-path folder (ending in {@code /}), in the order its {@code
   * index.txt} lists them; for example a benchmark version's checks.
   *
   * @throws IllegalStateException when the folder has no index
   */
  public static List<RuleSource> resourceSources(String root) {
    List<RuleSource> sources = new ArrayList<>();
    for (String line : resource(root + "index.txt").lines().toList()) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        sources.add(
            new RuleSource(
                "builtin:" + root.substring(BASE.length()) + name, resource(root + name)));
      }
    }
    return sources;
  }

  private static final String BASE = "kubeattest/";

  /**
   * The {@code .yaml} and {@code .yml} rule files under {@code directory}, recursively, sorted by
   * path.
   *
   * @throws InputException when the directory cannot be read
   */
  public static List<RuleSource> directorySources(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new InputException(directory + ": rules directory not found");
    }
    try (Stream<Path> files = Files.walk(directory)) {
      List<RuleSource> sources = new ArrayList<>();
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        sources.add(new RuleSource(file.toString(), Files.readString(file)));
      }
      return sources;
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(directory + ": cannot read rules: " + e.getMessage(), e);
    }
  }

  /**
   * Compiles every rule of every source, in order. Sources compile in parallel (CEL compilation is
   * most of a run's start-up); when several fail, the error of the first failing source in order is
   * thrown, so the message does not depend on scheduling.
   */
  public List<CompiledRule> compile(List<RuleSource> sources) {
    List<Outcome> outcomes =
        sources.parallelStream()
            .map(
                source -> {
                  try {
                    return new Outcome(compile(source), null);
                  } catch (RuleException e) {
                    return new Outcome(List.of(), e);
                  }
                })
            .toList();
    List<CompiledRule> rules = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.error() != null) {
        throw outcome.error();
      }
      rules.addAll(outcome.rules());
    }
    return rules;
  }

  private record Outcome(List<CompiledRule> rules, @Nullable RuleException error) {}

  /** Compiles every rule of one source. */
  public List<CompiledRule> compile(RuleSource source) {
    List<YamlDocument> documents = new ArrayList<>();
    try {
      yaml.read(source.name(), new StringReader(source.text()), documents::add);
    } catch (InputException e) {
      throw new RuleException(String.valueOf(e.getMessage()));
    }
    List<CompiledRule> rules = new ArrayList<>();
    for (YamlDocument document : documents) {
      if (document.root() != null) {
        rules.addAll(compile(source.name(), document));
      }
    }
    return rules;
  }

  private List<CompiledRule> compile(String file, YamlDocument document) {
    Positions positions = document.positions();
    RuleFileSpec spec;
    try {
      spec = mapper.convertValue(document.root(), RuleFileSpec.class);
    } catch (IllegalArgumentException e) {
      throw new RuleException(at(file, positions, pathOf(e)) + describe(e));
    }
    if (!RuleFileSpec.API_VERSION.equals(spec.apiVersion())
        || !RuleFileSpec.KIND.equals(spec.kind())) {
      throw new RuleException(
          at(file, positions, FieldPath.root())
              + "expected apiVersion: "
              + RuleFileSpec.API_VERSION
              + " and kind: "
              + RuleFileSpec.KIND
              + ", found "
              + spec.apiVersion()
              + " / "
              + spec.kind());
    }
    List<CompiledRule> rules = new ArrayList<>();
    List<RuleSpec> specs = spec.rules() == null ? List.of() : spec.rules();
    for (int i = 0; i < specs.size(); i++) {
      FieldPath path = FieldPath.root().key("rules").index(i);
      rules.add(compileRule(file, positions, path, specs.get(i)));
    }
    return rules;
  }

  private CompiledRule compileRule(
      String file, Positions positions, FieldPath path, RuleSpec spec) {
    String id = require(file, positions, path, "id", spec.id());
    String where = "rule " + id + ": ";
    SourceLocation location = location(file, positions, path);
    Rule rule;
    SubjectKind kind;
    Map<String, String> attributes =
        new java.util.LinkedHashMap<>(Objects.requireNonNullElse(spec.attributes(), Map.of()));
    boolean javaImplemented = false;
    if (spec.implementation() != null) {
      if (!spec.implementation().equals("java") && !spec.implementation().equals("cel")) {
        throw new RuleException(
            at(file, positions, path.key("implementation"))
                + where
                + "implementation must be cel or java, not "
                + spec.implementation());
      }
      javaImplemented = spec.implementation().equals("java");
      if (javaImplemented && spec.validate() != null) {
        throw new RuleException(
            at(file, positions, path.key("validate"))
                + where
                + "a rule implemented in Java has no validate expression");
      }
      attributes.put("implementation", spec.implementation());
    }
    try {
      kind = SubjectKind.parse(require(file, positions, path, "subject", spec.subject()));
      rule =
          new Rule(
              id,
              require(file, positions, path, "title", spec.title()),
              Severity.parse(require(file, positions, path, "severity", spec.severity())),
              kind,
              Objects.requireNonNullElse(spec.description(), "").strip(),
              Objects.requireNonNullElse(spec.remediation(), "").strip(),
              Objects.requireNonNullElse(spec.references(), List.of()),
              Objects.requireNonNullElse(spec.frameworks(), Map.of()),
              Objects.requireNonNullElse(spec.equivalents(), Map.of()),
              attributes,
              Boolean.TRUE.equals(spec.manual()),
              location);
    } catch (IllegalArgumentException e) {
      throw new RuleException(at(file, positions, path) + where + e.getMessage());
    }
    Status failStatus = Status.FAIL;
    if (spec.failStatus() != null) {
      failStatus =
          switch (spec.failStatus().toUpperCase(java.util.Locale.ROOT)) {
            case "FAIL" -> Status.FAIL;
            case "WARN" -> Status.WARN;
            case "INFO" -> Status.INFO;
            default ->
                throw new RuleException(
                    at(file, positions, path.key("failStatus"))
                        + where
                        + "failStatus must be FAIL, WARN or INFO, not "
                        + spec.failStatus());
          };
    }
    RuleFileSpec.MatchSpec match = spec.match();
    Set<String> kinds = new LinkedHashSet<>();
    Set<String> containerTypes = new LinkedHashSet<>();
    CelProgram matchProgram = null;
    if (match != null) {
      kinds.addAll(Objects.requireNonNullElse(match.kinds(), List.of()));
      for (String type : Objects.requireNonNullElse(match.containerTypes(), List.<String>of())) {
        if (!CONTAINER_TYPES.contains(type)) {
          throw new RuleException(
              at(file, positions, path.key("match").key("containerTypes"))
                  + where
                  + "unknown container type '"
                  + type
                  + "' (expected container, initContainer or ephemeralContainer)");
        }
        containerTypes.add(type);
      }
      if (match.expression() != null) {
        matchProgram =
            program(
                file,
                positions,
                path.key("match").key("expression"),
                where,
                kind,
                match.expression(),
                SimpleType.BOOL);
      }
    }
    CelProgram validate = null;
    if (javaImplemented) {
      // a cross-object rule: evaluated in Java, documented here
    } else if (rule.manual()) {
      if (spec.validate() != null) {
        throw new RuleException(
            at(file, positions, path.key("validate"))
                + where
                + "a manual rule has no validate (a person decides; the finding is WARN)");
      }
    } else {
      validate =
          program(
              file,
              positions,
              path.key("validate"),
              where,
              kind,
              require(file, positions, path, "validate", spec.validate()),
              SimpleType.BOOL);
    }
    CelProgram skip =
        spec.skip() == null
            ? null
            : program(
                file, positions, path.key("skip"), where, kind, spec.skip(), SimpleType.STRING);
    CelProgram message =
        spec.message() == null
            ? null
            : program(
                file,
                positions,
                path.key("message"),
                where,
                kind,
                spec.message(),
                SimpleType.STRING);
    List<CompiledRule.EvidencePattern> evidence = new ArrayList<>();
    Set<String> variables = CelEnvironment.variables(kind).keySet();
    for (String pattern : Objects.requireNonNullElse(spec.evidence(), List.<String>of())) {
      try {
        CompiledRule.EvidencePattern parsed = CompiledRule.EvidencePattern.parse(pattern);
        if (!variables.contains(parsed.variable())) {
          throw new IllegalArgumentException(
              "evidence '"
                  + pattern
                  + "' starts with '"
                  + parsed.variable()
                  + "', which is not a variable of "
                  + kind.label()
                  + " rules "
                  + variables);
        }
        evidence.add(parsed);
      } catch (IllegalArgumentException e) {
        throw new RuleException(at(file, positions, path.key("evidence")) + where + e.getMessage());
      }
    }
    return new CompiledRule(
        rule, kinds, containerTypes, matchProgram, validate, message, evidence, failStatus, skip);
  }

  private CelProgram program(
      String file,
      Positions positions,
      FieldPath path,
      String where,
      SubjectKind kind,
      String expression,
      CelType expected) {
    try {
      return cel.compile(kind, expression, expected);
    } catch (CelEnvironment.CompileError e) {
      String field =
          path.segments().get(path.segments().size() - 1) instanceof FieldPath.Key k
              ? k.name()
              : path.toString();
      throw new RuleException(
          at(file, positions, path) + where + field + " does not compile: " + e.getMessage());
    }
  }

  private static String require(
      String file, Positions positions, FieldPath path, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new RuleException(at(file, positions, path) + "rule is missing '" + field + "'");
    }
    return value;
  }

  private static String resource(String name) {
    try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("built-in resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
