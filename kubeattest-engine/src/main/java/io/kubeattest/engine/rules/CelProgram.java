package io.kubeattest.engine.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A compiled, type-checked CEL expression, ready to evaluate. Thread-safe. */
public final class CelProgram {
  private final String expression;
  private final CelRuntime.Program program;
  private final @Nullable DirectProgram direct;

  CelProgram(String expression, CelRuntime.Program program, @Nullable DirectProgram direct) {
    this.expression = expression;
    this.program = program;
    this.direct = direct;
  }

  /** The source text. */
  public String expression() {
    return expression;
  }

  /**
   * Evaluates against variables already converted by {@link CelValues#activation}.
   *
   * @throws EvaluationException with CEL's message when evaluation fails
   */
  public Object evaluate(Map<String, ?> activation) {
    if (direct == null) {
      return evaluateWithCel(activation);
    }
    Object value = directValue(direct, activation);
    if (VERIFY_DIRECT) {
      verify(value, activation);
    }
    return value != null ? value : evaluateWithCel(activation);
  }

  /** The direct path's value, or null when CEL must decide. */
  private static @Nullable Object directValue(DirectProgram direct, Map<String, ?> activation) {
    try {
      Object value = direct.evaluate(activation);
      return value instanceof Boolean || value instanceof String ? value : null;
    } catch (RuntimeException deferred) {
      // Anything but the plain case (an error, a missing key, an unusual type): CEL decides.
      return null;
    }
  }

  /**
   * Set in the test runs of every module (surefire): each evaluation then also runs on CEL's
   * interpreter, and a direct value that differs from CEL's fails the test.
   */
  private static final boolean VERIFY_DIRECT = Boolean.getBoolean("kubeattest.verifyDirectCel");

  private void verify(@Nullable Object value, Map<String, ?> activation) {
    if (value == null) {
      return;
    }
    Object expected;
    try {
      expected = evaluateWithCel(activation);
    } catch (EvaluationException e) {
      expected = "error: " + e.getMessage();
    }
    if (!value.equals(expected)) {
      throw new AssertionError(
          "the direct path gives " + value + " but CEL gives " + expected + " for: " + expression);
    }
  }

  /** Evaluates with CEL's interpreter only (the reference the direct path is tested against). */
  Object evaluateWithCel(Map<String, ?> activation) {
    try {
      return program.eval(activation);
    } catch (CelEvaluationException e) {
      // CEL wraps a function's own exception (one or more times); its message is what the user
      // needs ("'lots' is not a Kubernetes quantity"), so the innermost cause is appended.
      String message = firstLine(e.getMessage());
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String detail = root == e ? null : root.getMessage();
      if (detail != null && !message.contains(firstLine(detail))) {
        message = message + ": " + firstLine(detail);
      }
      throw new EvaluationException(message);
    } catch (RuntimeException e) {
      throw new EvaluationException(firstLine(e.toString()));
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "evaluation failed";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Evaluation of one expression on one subject failed. */
  public static final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
      super(message);
    }
  }
}
