package io.kubeattest.engine.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.NullValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A checked CEL expression turned into a tree of Java closures that evaluates directly over the
 * plain values {@link CelValues} produces (maps, lists, strings, longs, doubles, booleans, CEL's
 * null, quantities). CEL's own interpreter spends tens of microseconds per rule and subject; this
 * takes about one, and rule evaluation is most of a large scan.
 *
 * <p>It is a fast path, never the only path: whenever a value, an error or a construct is anything
 * but the plain case (a missing key, an overflow, mixed types in {@code ==}, a function it does not
 * know) it throws {@link Defer} and {@link CelProgram} evaluates the expression with CEL instead.
 * So its contract is narrow: when it returns a value, CEL returns the same value. {@code
 * DirectProgramTest} and {@code DirectAgreementTest} hold it to that.
 */
final class DirectProgram {
  /** CEL bounds comprehensions the same way; beyond this CEL decides (it reports the error). */
  private static final int MAX_ITERATIONS = 100_000;

  private final Node root;
  private final int slots;

  private DirectProgram(Node root, int slots) {
    this.root = root;
    this.slots = slots;
  }

  /** The direct form of {@code ast}, or empty when it uses something only CEL evaluates. */
  static Optional<DirectProgram> of(CelAbstractSyntaxTree ast) {
    Compiler compiler = new Compiler(ast);
    Node root = compiler.node(ast.getExpr());
    return root == null ? Optional.empty() : Optional.of(new DirectProgram(root, compiler.slots));
  }

  /**
   * Evaluates over {@code activation}.
   *
   * @throws Defer when CEL must decide
   */
  Object evaluate(Map<String, ?> activation) {
    return root.eval(new Frame(activation, new Object[slots]));
  }

  /** One step of evaluation. */
  @FunctionalInterface
  interface Node {
    Object eval(Frame frame);
  }

  /** The variables of one evaluation: the activation and the comprehension variables' slots. */
  static final class Frame {
    final Map<String, ?> activation;
    final @Nullable Object[] slots;
    int iterations;

    Frame(Map<String, ?> activation, @Nullable Object[] slots) {
      this.activation = activation;
      this.slots = slots;
    }
  }

  /** Signals that CEL, not the direct path, must evaluate this expression. Carries no stack. */
  static final class Defer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One shared, stackless instance: deferring is control flow on the hot path, not a fault. */
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final Defer INSTANCE = new Defer();

    private Defer() {
      super("deferred to CEL", null, false, false);
    }
  }

  /** Turns CEL expression trees into nodes; null for anything not handled. */
  private static final class Compiler {
    private final CelAbstractSyntaxTree ast;
    private final Map<String, Deque<Integer>> scope = new HashMap<>();
    int slots;

    Compiler(CelAbstractSyntaxTree ast) {
      this.ast = ast;
    }

    @Nullable Node node(CelExpr expr) {
      return switch (expr.exprKind().getKind()) {
        case CONSTANT -> constant(expr.constant());
        case IDENT -> ident(expr.ident().name());
        case SELECT -> select(expr.select());
        case CALL -> call(expr);
        case LIST -> list(expr.list());
        case MAP -> map(expr.map());
        case COMPREHENSION -> comprehension(expr.comprehension());
        case STRUCT, NOT_SET -> null;
      };
    }

    private static @Nullable Node constant(CelConstant constant) {
      Object value =
          switch (constant.getKind()) {
            case NULL_VALUE -> NullValue.NULL_VALUE;
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            default -> null;
          };
      return value == null ? null : frame -> value;
    }

    private Node ident(String name) {
      Deque<Integer> bound = scope.get(name);
      if (bound != null && !bound.isEmpty()) {
        int slot = bound.peek();
        return frame -> DirectValues.present(frame.slots[slot]);
      }
      DirectType type = DirectType.named(name);
      if (type != null) {
        return frame -> type;
      }
      return frame -> DirectValues.present(frame.activation.get(name));
    }

    private @Nullable Node select(CelExpr.CelSelect select) {
      Node operand = node(select.operand());
      if (operand == null) {
        return null;
      }
      String field = select.field();
      if (select.testOnly()) {
        return frame -> DirectValues.map(operand.eval(frame)).containsKey(field);
      }
      return frame -> DirectValues.present(DirectValues.map(operand.eval(frame)).get(field));
    }

    private @Nullable Node call(CelExpr expr) {
      CelExpr.CelCall call = expr.call();
      List<CelExpr> operands = new ArrayList<>();
      call.target().ifPresent(operands::add);
      operands.addAll(call.args());
      if (call.function().equals("_?._") && operands.size() == 2) {
        CelExpr field = operands.get(1);
        Node operand = node(operands.get(0));
        if (operand == null
            || field.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT
            || field.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
          return null;
        }
        String name = field.constant().stringValue();
        return frame -> DirectValues.optionalField(operand.eval(frame), name);
      }
      if (ast.getReference(expr.id()).flatMap(r -> r.value()).isPresent()) {
        return null;
      }
      Node[] args = nodes(operands);
      return args == null
          ? null
          : DirectFunctions.call(call.function(), call.target().isPresent(), args);
    }

    private @Nullable Node list(CelExpr.CelList list) {
      if (!list.optionalIndices().isEmpty()) {
        return null;
      }
      Node[] elements = nodes(list.elements());
      if (elements == null) {
        return null;
      }
      return frame -> {
        List<Object> out = new ArrayList<>(elements.length);
        for (Node element : elements) {
          out.add(element.eval(frame));
        }
        return out;
      };
    }

    private @Nullable Node map(CelExpr.CelMap map) {
      List<Node> keys = new ArrayList<>();
      List<Node> values = new ArrayList<>();
      for (CelExpr.CelMap.Entry entry : map.entries()) {
        Node key = node(entry.key());
        Node value = node(entry.value());
        if (entry.optionalEntry() || key == null || value == null) {
          return null;
        }
        keys.add(key);
        values.add(value);
      }
      return frame -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
          Object key = keys.get(i).eval(frame);
          if (!(key instanceof String) || out.put(key, values.get(i).eval(frame)) != null) {
            throw Defer.INSTANCE;
          }
        }
        return out;
      };
    }

    private @Nullable Node comprehension(CelExpr.CelComprehension loop) {
      if (!loop.iterVar2().isEmpty()) {
        return null;
      }
      Node range = node(loop.iterRange());
      Node init = node(loop.accuInit());
      if (range == null || init == null) {
        return null;
      }
      int accu = slots++;
      int item = slots++;
      bind(loop.accuVar(), accu);
      Node result = node(loop.result());
      bind(loop.iterVar(), item);
      Node condition = node(loop.loopCondition());
      Node step = node(loop.loopStep());
      unbind(loop.iterVar());
      unbind(loop.accuVar());
      if (result == null || condition == null || step == null) {
        return null;
      }
      return frame -> {
        Iterable<?> items = DirectValues.iterable(range.eval(frame));
        frame.slots[accu] = init.eval(frame);
        for (Object element : items) {
          if (++frame.iterations > MAX_ITERATIONS) {
            throw Defer.INSTANCE;
          }
          frame.slots[item] = element;
          if (!DirectValues.bool(condition.eval(frame))) {
            break;
          }
          frame.slots[accu] = step.eval(frame);
        }
        return result.eval(frame);
      };
    }

    private Node @Nullable [] nodes(List<CelExpr> exprs) {
      Node[] out = new Node[exprs.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = node(exprs.get(i));
        if (out[i] == null) {
          return null;
        }
      }
      return out;
    }

    private void bind(String name, int slot) {
      scope.computeIfAbsent(name, k -> new ArrayDeque<>()).push(slot);
    }

    private void unbind(String name) {
      java.util.Objects.requireNonNull(scope.get(name)).pop();
    }
  }
}
