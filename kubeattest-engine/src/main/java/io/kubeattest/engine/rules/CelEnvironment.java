package io.kubeattest.engine.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.kubeattest.engine.model.SubjectKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The CEL environment rules are compiled in: standard macros, optional syntax ({@code ?.}, {@code
 * orValue}), the strings, lists and sets extensions, the Kubernetes quantity helpers, and the
 * variables a subject kind offers. Built once per catalogue; thread-safe.
 */
final class CelEnvironment {
  /** Bounds every comprehension so that no rule loops for long on a hostile object. */
  private static final int MAX_ITERATIONS = 100_000;

  /** Built on first use per kind: a run that loads only node rules builds one compiler. */
  private final Map<SubjectKind, CelCompiler> compilers = new EnumMap<>(SubjectKind.class);

  private final CelOptions options;

  /**
   * Programs by subject kind, expected type and text: benchmark checks repeat their {@code match}
   * and {@code skip} expressions, and a compiled program is immutable, so each is compiled once.
   */
  private final Map<String, CelProgram> programs = new java.util.concurrent.ConcurrentHashMap<>();

  private final CelRuntime runtime;

  /** Trees the build checked already; consulted before compiling from source. */
  private final CheckedExpressions checked;

  /** Every tree compiled from source in this environment, when recording for the build. */
  private final @Nullable Map<String, CelAbstractSyntaxTree> recorded;

  /** Whether programs evaluate on the direct path first ({@link DirectProgram}). */
  private final boolean direct;

  /**
   * An environment that uses the trees the build stored for the built-in catalogues and evaluates
   * on the direct path first.
   */
  CelEnvironment() {
    this(true, false, true);
  }

  /**
   * @param useStored whether to take checked trees from {@link CheckedExpressions#RESOURCE}
   * @param record whether to keep every tree compiled from source, for {@link #recorded()}
   * @param direct whether programs try the direct path before CEL's interpreter
   */
  CelEnvironment(boolean useStored, boolean record, boolean direct) {
    this.direct = direct;
    CelOptions options =
        CelOptions.current()
            .enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .build();
    this.options = options;
    runtime =
        CelRuntimeFactory.legacyCelRuntimeBuilder()
            .setStandardEnvironmentEnabled(false)
            .setStandardFunctions(
                dev.cel.runtime.CelStandardFunctions.newBuilder()
                    .excludeFunctions(dev.cel.runtime.CelStandardFunctions.StandardFunction.MATCHES)
                    .build())
            .setOptions(options)
            .addLibraries(
                CelExtensions.optional(),
                CelExtensions.strings(),
                CelExtensions.lists(),
                CelExtensions.sets(options))
            .addFunctionBindings(KubernetesCelLibrary.bindings())
            .build();
    checked = useStored ? CheckedExpressions.builtIn(fingerprint()) : CheckedExpressions.none();
    recorded = record ? new java.util.concurrent.ConcurrentHashMap<>() : null;
  }

  /**
   * What a stored checked tree depends on besides its own text: the declarations and variables it
   * was checked against. A store made under another fingerprint is not used.
   */
  static String fingerprint() {
    StringBuilder text = new StringBuilder("kubeattest-cel-1;optional,strings,lists,sets;");
    text.append(KubernetesCelLibrary.declarations());
    for (SubjectKind kind : SubjectKind.values()) {
      text.append(';').append(kind).append(variables(kind));
    }
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The trees compiled from source so far, by key, when recording; empty otherwise. */
  java.util.SortedMap<String, CelAbstractSyntaxTree> recorded() {
    return recorded == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(recorded);
  }

  /** How many stored checked trees this environment can use. */
  int storedCount() {
    return checked.size();
  }

  private synchronized CelCompiler compiler(SubjectKind kind) {
    CelCompiler existing = compilers.get(kind);
    if (existing != null) {
      return existing;
    }
    CelCompilerBuilder builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(
                CelExtensions.optional(),
                CelExtensions.strings(),
                CelExtensions.lists(),
                CelExtensions.sets(options))
            .addFunctionDeclarations(KubernetesCelLibrary.declarations());
    variables(kind).forEach(builder::addVar);
    CelCompiler compiler = builder.build();
    compilers.put(kind, compiler);
    return compiler;
  }

  /** The variables a rule for {@code kind} may read, and their CEL types. */
  static Map<String, CelType> variables(SubjectKind kind) {
    Map<String, CelType> vars = new java.util.LinkedHashMap<>();
    vars.put("object", SimpleType.DYN);
    vars.put("params", SimpleType.DYN);
    vars.put("settings", SimpleType.DYN);
    if (kind == SubjectKind.NODE) {
      vars.remove("object");
      vars.put("node", SimpleType.DYN);
    }
    if (kind == SubjectKind.WORKLOAD || kind == SubjectKind.CONTAINER) {
      vars.put("podSpec", SimpleType.DYN);
      vars.put("podMeta", SimpleType.DYN);
    }
    if (kind == SubjectKind.CONTAINER) {
      vars.put("container", SimpleType.DYN);
      vars.put("containerType", SimpleType.STRING);
      vars.put("securityContext", SimpleType.DYN);
    }
    return vars;
  }

  /**
   * Compiles and type-checks {@code expression} for subjects of {@code kind}.
   *
   * @param expected the result type the expression must have (dyn is accepted too)
   * @throws CompileError with every issue, one per line as {@code line:column: message}
   */
  CelProgram compile(SubjectKind kind, String expression, CelType expected) throws CompileError {
    String key = kind + "\u0000" + expected.name() + "\u0000" + expression;
    CelProgram cached = programs.get(key);
    if (cached != null) {
      return cached;
    }
    CelProgram program = compileUncached(key, kind, expression, expected);
    programs.putIfAbsent(key, program);
    return program;
  }

  private CelProgram compileUncached(
      String key, SubjectKind kind, String expression, CelType expected) throws CompileError {
    CelAbstractSyntaxTree ast = checked.find(key).orElse(null);
    if (ast == null) {
      ast = check(kind, expression);
      if (recorded != null) {
        recorded.put(key, ast);
      }
    }
    CelType actual = ast.getResultType();
    if (!actual.equals(expected) && !actual.equals(SimpleType.DYN)) {
      throw new CompileError(
          "expression has type " + actual.name() + ", expected " + expected.name());
    }
    try {
      return new CelProgram(
          expression,
          runtime.createProgram(ast),
          direct ? DirectProgram.of(ast).orElse(null) : null);
    } catch (CelEvaluationException e) {
      throw new CompileError(String.valueOf(e.getMessage()));
    }
  }

  /** Parses and type-checks {@code expression} for subjects of {@code kind}. */
  CelAbstractSyntaxTree check(SubjectKind kind, String expression) throws CompileError {
    CelValidationResult result = compiler(kind).compile(expression, "rule");
    try {
      return result.getAst();
    } catch (CelValidationException e) {
      throw new CompileError(
          e.getErrors().stream().map(CelEnvironment::describe).collect(Collectors.joining("; ")));
    }
  }

  private static String describe(CelIssue issue) {
    var location = issue.getSourceLocation();
    String where =
        location.getLine() > 0 ? location.getLine() + ":" + (location.getColumn() + 1) + ": " : "";
    return where + issue.getMessage();
  }

  /** A CEL expression that failed to compile; the message lists the issues. */
  static final class CompileError extends Exception {
    private static final long serialVersionUID = 1L;

    CompileError(String message) {
      super(message);
    }
  }
}
