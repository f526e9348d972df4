package io.kubeattest.engine.rules;

import static io.kubeattest.engine.rules.DirectValues.bool;
import static io.kubeattest.engine.rules.DirectValues.integer;
import static io.kubeattest.engine.rules.DirectValues.list;
import static io.kubeattest.engine.rules.DirectValues.map;
import static io.kubeattest.engine.rules.DirectValues.optional;
import static io.kubeattest.engine.rules.DirectValues.quantity;
import static io.kubeattest.engine.rules.DirectValues.string;

import io.kubeattest.engine.rules.DirectProgram.Defer;
import io.kubeattest.engine.rules.DirectProgram.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The functions of kubeattest's CEL environment on the direct path: operators, the standard
 * functions, optionals, the strings and lists extensions the rules use, and the Kubernetes helpers.
 * A function it does not list leaves the whole expression to CEL.
 */
final class DirectFunctions {
  private DirectFunctions() {}

  /**
   * The node calling {@code function} on {@code args} (a member call's target first), or null when
   * only CEL evaluates it.
   */
  static @Nullable Node call(String function, boolean member, Node[] args) {
    return switch (args.length) {
      case 0 -> function.equals("optional.none") ? frame -> Optional.empty() : null;
      case 1 -> unary(function, args[0]);
      case 2 -> binary(function, member, args[0], args[1]);
      case 3 -> ternary(function, args[0], args[1], args[2]);
      default -> null;
    };
  }

  private static @Nullable Node unary(String function, Node a) {
    UnaryOperator<Object> f =
        switch (function) {
          case "!_" -> x -> !bool(x);
          case "-_" -> x -> x instanceof Double d ? -d : Math.negateExact(integer(x));
          case "@not_strictly_false" -> x -> x instanceof Boolean ? x : defer();
          case "dyn" -> x -> x;
          case "type" -> DirectType::of;
          case "size" -> DirectFunctions::size;
          case "hasValue" -> x -> optional(x).isPresent();
          case "value" -> x -> optional(x).orElseThrow(() -> Defer.INSTANCE);
          case "optional.of" -> Optional::of;
          case "upperAscii" -> x -> ascii(string(x), true);
          case "lowerAscii" -> x -> ascii(string(x), false);
          case "distinct" -> x -> distinct(list(x));
          case "join" -> x -> join(list(x), "");
          case "string" -> DirectFunctions::toText;
          case "int" -> DirectFunctions::toInteger;
          case "quantity" -> DirectFunctions::toQuantity;
          case "isQuantity" -> x -> Quantity.tryParse(string(x)) != null;
          case "sign" -> x -> quantity(x).sign();
          case "isInteger" -> x -> quantity(x).isInteger();
          case "asInteger" -> x -> quantity(x).asInteger();
          case "asApproximateFloat" -> x -> quantity(x).asApproximateFloat();
          default -> null;
        };
    if (f == null) {
      return null;
    }
    return frame -> f.apply(a.eval(frame));
  }

  private static @Nullable Node binary(String function, boolean member, Node a, Node b) {
    Node shortCircuit =
        switch (function) {
          case "_&&_" -> frame -> bool(a.eval(frame)) && bool(b.eval(frame));
          case "_||_" -> frame -> bool(a.eval(frame)) || bool(b.eval(frame));
          case "orValue" ->
              frame -> {
                Optional<?> optional = optional(a.eval(frame));
                return optional.isPresent() ? optional.get() : b.eval(frame);
              };
          case "or" ->
              frame -> {
                Optional<?> optional = optional(a.eval(frame));
                return optional.isPresent() ? optional : optional(b.eval(frame));
              };
          default -> null;
        };
    if (shortCircuit != null) {
      return shortCircuit;
    }
    BinaryOperator<Object> f =
        switch (function) {
          case "_==_" -> DirectValues::equal;
          case "_!=_" -> (x, y) -> !DirectValues.equal(x, y);
          case "_<_" -> (x, y) -> DirectValues.compare(x, y) < 0;
          case "_<=_" -> (x, y) -> DirectValues.compare(x, y) <= 0;
          case "_>_" -> (x, y) -> DirectValues.compare(x, y) > 0;
          case "_>=_" -> (x, y) -> DirectValues.compare(x, y) >= 0;
          case "_+_" -> DirectFunctions::add;
          case "_-_" -> (x, y) -> Math.subtractExact(integer(x), integer(y));
          case "_*_" -> (x, y) -> Math.multiplyExact(integer(x), integer(y));
          case "@in" -> DirectFunctions::in;
          case "_[_]" -> DirectFunctions::index;
          case "_[?_]" -> DirectFunctions::optionalIndex;
          case "contains" -> (x, y) -> string(x).contains(string(y));
          case "startsWith" -> (x, y) -> string(x).startsWith(string(y));
          case "endsWith" -> (x, y) -> string(x).endsWith(string(y));
          case "matches" -> (x, y) -> KubernetesCelLibrary.matchesCached(string(x), string(y));
          case "split" -> (x, y) -> split(string(x), string(y));
          case "join" -> (x, y) -> join(list(x), string(y));
          case "substring" -> (x, y) -> substring(string(x), integer(y), -1);
          case "lastIndexOf" -> (x, y) -> indexOf(string(x), string(y), true);
          case "indexOf" -> (x, y) -> indexOf(string(x), string(y), false);
          case "isLessThan" -> (x, y) -> quantity(x).isLessThan(quantity(y));
          case "isGreaterThan" -> (x, y) -> quantity(x).isGreaterThan(quantity(y));
          case "compareTo" -> (x, y) -> (long) Integer.signum(quantity(x).compareTo(quantity(y)));
          case "add" -> (x, y) -> quantity(x).add(quantity(y));
          case "sub" -> (x, y) -> quantity(x).sub(quantity(y));
          case "modeAtMost" -> (x, y) -> modeAtMost(x, string(y));
          default -> null;
        };
    if (f == null || (member && function.equals("modeAtMost"))) {
      return null;
    }
    return frame -> f.apply(a.eval(frame), b.eval(frame));
  }

  private static @Nullable Node ternary(String function, Node a, Node b, Node c) {
    return switch (function) {
      case "_?_:_" -> frame -> bool(a.eval(frame)) ? b.eval(frame) : c.eval(frame);
      case "substring" ->
          frame -> substring(string(a.eval(frame)), integer(b.eval(frame)), integer(c.eval(frame)));
      case "replace" ->
          frame -> {
            String text = string(a.eval(frame));
            String old = string(b.eval(frame));
            String replacement = string(c.eval(frame));
            return old.isEmpty() ? defer() : text.replace(old, replacement);
          };
      default -> null;
    };
  }

  private static Object defer() {
    throw Defer.INSTANCE;
  }

  private static Object size(Object x) {
    if (x instanceof String text) {
      return (long) text.codePointCount(0, text.length());
    }
    if (x instanceof List<?> list) {
      return (long) list.size();
    }
    return (long) map(x).size();
  }

  private static Object add(Object x, Object y) {
    if (x instanceof Long a && y instanceof Long b) {
      return Math.addExact(a, b);
    }
    if (x instanceof String a && y instanceof String b) {
      return a.concat(b);
    }
    if (x instanceof List<?> a && y instanceof List<?> b) {
      List<Object> out = new ArrayList<>(a.size() + b.size());
      out.addAll(a);
      out.addAll(b);
      return out;
    }
    if (x instanceof Double a && y instanceof Double b) {
      return a + b;
    }
    throw Defer.INSTANCE;
  }

  private static Object in(Object x, Object range) {
    if (range instanceof Map<?, ?> map) {
      return map.containsKey(string(x));
    }
    for (Object element : list(range)) {
      if (DirectValues.equal(x, element)) {
        return true;
      }
    }
    return false;
  }

  private static Object index(Object x, Object key) {
    if (x instanceof Optional<?> optional) {
      return optional.isEmpty()
          ? optional
          : Optional.ofNullable(map(optional.get()).get(string(key)));
    }
    if (x instanceof List<?> list) {
      long i = integer(key);
      return i >= 0 && i < list.size() ? list.get((int) i) : defer();
    }
    return DirectValues.present(map(x).get(string(key)));
  }

  private static Object optionalIndex(Object x, Object key) {
    if (x instanceof Optional<?> optional) {
      return optional.isEmpty() ? optional : optionalIndex(optional.get(), key);
    }
    if (x instanceof List<?> list) {
      long i = integer(key);
      return i >= 0 && i < list.size() ? Optional.of(list.get((int) i)) : Optional.empty();
    }
    return Optional.ofNullable(map(x).get(string(key)));
  }

  private static Object ascii(String text, boolean upper) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (upper && c >= 'a' && c <= 'z') {
        chars[i] = (char) (c - 32);
      } else if (!upper && c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }

  private static Object distinct(List<?> list) {
    List<Object> out = new ArrayList<>();
    for (Object element : list) {
      boolean seen = false;
      for (Object kept : out) {
        if (DirectValues.equal(element, kept)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out.add(element);
      }
    }
    return out;
  }

  private static Object join(List<?> list, String separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      out.append(string(list.get(i)));
    }
    return out.toString();
  }

  /** Every piece between separators, empty ones included, as the strings extension does. */
  private static Object split(String text, String separator) {
    if (separator.isEmpty()) {
      throw Defer.INSTANCE;
    }
    List<Object> out = new ArrayList<>();
    int start = 0;
    for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
      out.add(text.substring(start, at));
      start = at + separator.length();
    }
    out.add(text.substring(start));
    return out;
  }

  private static Object substring(String text, long start, long end) {
    long stop = end < 0 ? text.length() : end;
    if (!DirectValues.basicPlane(text) || start < 0 || start > stop || stop > text.length()) {
      throw Defer.INSTANCE;
    }
    return text.substring((int) start, (int) stop);
  }

  private static Object indexOf(String text, String part, boolean last) {
    if (!DirectValues.basicPlane(text) || part.isEmpty()) {
      throw Defer.INSTANCE;
    }
    return (long) (last ? text.lastIndexOf(part) : text.indexOf(part));
  }

  private static Object toText(Object x) {
    if (x instanceof String || x instanceof Long || x instanceof Boolean) {
      return x.toString();
    }
    throw Defer.INSTANCE;
  }

  private static Object toInteger(Object x) {
    if (x instanceof Long) {
      return x;
    }
    String text = string(x);
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw Defer.INSTANCE;
    }
    return Long.parseLong(text);
  }

  private static Object toQuantity(Object x) {
    if (x instanceof String text) {
      return Quantity.parse(text);
    }
    if (x instanceof Long number) {
      return Quantity.of(number);
    }
    throw Defer.INSTANCE;
  }

  private static Object modeAtMost(Object mode, String max) {
    long allowed = FileMode.parse(max);
    if (mode instanceof Long number) {
      return FileMode.atMost(number, allowed);
    }
    return FileMode.atMost(FileMode.parse(string(mode)), allowed);
  }
}
