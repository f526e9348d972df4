package io.kubeattest.engine.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/** A compiled, type-checked CEL expression, ready to evaluate. Thread-safe. */
public final class CelProgram {
  private final String expression;
  private final CelRuntime.Program program;

  CelProgram(String expression, CelRuntime.Program program) {
    this.expression = expression;
    this.program = program;
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

  private static String firstLine(@org.jspecify.annotations.Nullable String message) {
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
