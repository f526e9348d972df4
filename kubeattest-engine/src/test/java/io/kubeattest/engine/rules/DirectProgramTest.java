package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import io.kubeattest.engine.model.SubjectKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct path against CEL's interpreter on the edges where they could part: each expression is
 * evaluated both ways on one object, and the direct path must give CEL's value (or defer to it).
 */
class DirectProgramTest {
  private static final CelEnvironment CEL = new CelEnvironment(false, false, true);
  private static final String DEFERRED = "deferred";

  private static final Map<String, Object> OBJECT = object();

  private static Map<String, Object> object() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("s", "a");
    object.put("i", 1);
    object.put("d", 1.0);
    object.put("big", Long.MAX_VALUE);
    object.put("b", true);
    object.put("l", List.of(1, 2, 2, "x"));
    object.put("m", Map.of("k", "v", "n", Map.of("deep", 3)));
    object.put("unicode", "h\u00e9llo \uD83D\uDE00!");
    object.put("image", "registry.example:5000/team/app:v1.2.3@sha256:abc");
    object.put("csv", ",a,,b,");
    object.put("cpu", "500m");
    object.put("mem", "1Gi");
    object.put("mode", "0644");
    object.put("octal", 420);
    object.put("nulls", java.util.Arrays.asList(null, "x"));
    return object;
  }

  private static Object direct(String expression) {
    try {
      return DirectProgram.of(ast(expression)).orElseThrow().evaluate(activation());
    } catch (RuntimeException e) {
      return DEFERRED;
    }
  }

  private static Object cel(String expression) {
    try {
      return compile(expression).evaluateWithCel(activation());
    } catch (CelProgram.EvaluationException e) {
      return "error";
    }
  }

  private static Map<String, Object> activation() {
    Map<String, @Nullable Object> variables = new LinkedHashMap<>();
    variables.put("object", OBJECT);
    variables.put("params", Map.of());
    variables.put("settings", Map.of());
    return CelValues.activation(variables);
  }

  private static CelProgram compile(String expression) {
    try {
      return CEL.compile(SubjectKind.OBJECT, expression, ast(expression).getResultType());
    } catch (CelEnvironment.CompileError e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static CelAbstractSyntaxTree ast(String expression) {
    try {
      return CEL.check(SubjectKind.OBJECT, expression);
    } catch (CelEnvironment.CompileError e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "object.s == 'a' && object.i == 1 && object.d == 1.0 && object.b",
        "object.i == object.d",
        "object.s == object.i",
        "object.l == [1, 2, 2, 'x']",
        "object.m == {'k': 'v', 'n': {'deep': 3}}",
        "object.m != null && object.s != null",
        "object.nulls[0] == null",
        "object.i < 1.5 && object.d >= 1 && object.s < 'b' && !(object.b < false)",
        "'\u00e9' > 'z' && object.unicode > 'h'",
        "size(object.unicode) == 8 && size(object.l) == 4 && size(object.m) == 2",
        "object.unicode.substring(1, 3) == '\u00e9l'",
        "object.unicode.lastIndexOf('l') == 3",
        "object.s.substring(2) == ''",
        "object.image.split('@')[0].endsWith(':v1.2.3')",
        "object.csv.split(',') == ['', 'a', '', 'b', '']",
        "''.split(',') == ['']",
        "object.image.substring(0, object.image.lastIndexOf(':')).split('/')[0]",
        "object.image.indexOf('/') == 22",
        "object.image.replace('v', '').contains('1.2.3')",
        "'MiXed \u00e9'.upperAscii() + 'MiXed \u00c9'.lowerAscii()",
        "['b', 'a', 'b'].distinct().join(', ')",
        "[[1], [1], [1.0]].distinct().size()",
        "['a', 'b'].join()",
        "string(object.i) + string(object.b) + string(object.s)",
        "int('42') + int(object.i) == 43",
        "int('-5') == -5",
        "int('007') == 7",
        "object.big + 1 > 0",
        "object.i - 3 == -2 && object.i * 4 == 4 && -object.i == -1",
        "2 in object.l && !(3 in object.l) && 'x' in object.l && 'k' in object.m",
        "object.l.all(x, type(x) == int || type(x) == string)",
        "object.l.exists_one(x, x == 1)",
        "object.l.filter(x, type(x) == int).map(x, x * 2) == [2, 4, 4]",
        "object.m.all(k, k.size() == 1)",
        "object.?m.?n.?deep.orValue(0) == 3 && object.?m.?x.?y.orValue(7) == 7",
        "object.?nope.hasValue() || object.?m.hasValue()",
        "object.?m.?n.value().deep == 3",
        "object.m[?'k'].orValue('none') + object.m[?'z'].orValue('none')",
        "object.l[?1].orValue(0) + object.l[?9].orValue(0) == 2",
        "object.?m.orValue({})['k'] == 'v'",
        "optional.of(1).or(optional.none()).value() == 1",
        "has(object.m.k) && !has(object.m.z)",
        "object.m.z == 'v'",
        "object.l[9] == 1",
        "object.b ? object.s : 'no'",
        "quantity(object.cpu).isLessThan(quantity('1')) && quantity(object.mem).compareTo(quantity('1G')) > 0",
        "quantity(object.cpu).add(quantity('500m')).asInteger() == 1 && quantity(object.i).sign() == 1",
        "isQuantity(object.cpu) && !isQuantity('lots') && quantity('1.5').isInteger() == false",
        "quantity('lots').sign() == 1",
        "modeAtMost(object.mode, '0644') && modeAtMost(object.octal, '0600') == false",
        "object.s.matches('^[a-z]$') && !object.image.matches('latest')",
        "dyn(object.i) == 1 && type(object.m) == map && type(null) == null_type",
        "object.l.map(x, string(dyn(x))).join('-')",
      })
  @DisplayName("gives CEL's value, or leaves the expression to CEL")
  void agreesWithCel(String expression) {
    Object direct = direct(expression);
    if (!DEFERRED.equals(direct)) {
      assertThat(direct).isEqualTo(cel(expression));
    }
  }

  @Test
  @DisplayName("evaluates the plain cases itself (CEL only for errors and unusual values)")
  void handlesThePlainCases() {
    List<String> deferred = new ArrayList<>();
    for (String expression :
        List.of(
            "object.s == object.i",
            "object.i == object.d",
            "object.m != null",
            "object.image.substring(1, 3)",
            "object.csv.split(',')",
            "object.l.filter(x, type(x) == int).map(x, x * 2)",
            "object.?m.?n.?deep.orValue(0) == 3",
            "quantity(object.cpu).isLessThan(quantity('1'))",
            "modeAtMost(object.mode, '0644')",
            "['b', 'a', 'b'].distinct().join(', ')")) {
      if (DEFERRED.equals(direct("(" + expression + ") == (" + expression + ")"))) {
        deferred.add(expression);
      }
    }
    assertThat(deferred).isEmpty();
  }

  @Test
  @DisplayName(
      "leaves errors to CEL: a missing key, an index out of range, an overflow, a bad quantity")
  void leavesErrorsToCel() {
    for (String expression :
        List.of(
            "object.m.z == 'v'",
            "object.l[9] == 1",
            "object.big + 1 > 0",
            "quantity('lots').sign() == 1",
            "object.unicode.substring(7, 9) == ''")) {
      assertThat(direct(expression)).as(expression).isEqualTo(DEFERRED);
      assertThat(cel(expression)).as(expression).isEqualTo("error");
    }
  }

  @Test
  @DisplayName("every expression of the built-in catalogues has a direct form")
  void everyBuiltInExpressionIsDirect() {
    CheckedExpressions stored = CheckedExpressions.builtIn(CelEnvironment.fingerprint());
    List<String> cel = new ArrayList<>();
    for (String key : stored.keys()) {
      if (DirectProgram.of(stored.find(key).orElseThrow()).isEmpty()) {
        cel.add(key.replace('\u0000', ' '));
      }
    }
    assertThat(stored.size()).isGreaterThan(300);
    assertThat(cel).isEmpty();
  }
}
