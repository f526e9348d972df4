package io.kubeattest.engine.rules;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * The Kubernetes CEL helpers our rules need, with the names and signatures of Kubernetes' own
 * library so that ValidatingAdmissionPolicy expressions carry over: {@code quantity(string)},
 * {@code isQuantity(string)}, and on a quantity {@code isLessThan}, {@code isGreaterThan}, {@code
 * compareTo}, {@code add}, {@code sub}, {@code sign}, {@code isInteger}, {@code asInteger} and
 * {@code asApproximateFloat}. Plus one of our own for file permissions: {@code modeAtMost(mode,
 * '600')} is true when {@code mode} (an octal string, or the permission bits as an int) grants no
 * bit beyond the allowed mode, so 600 and 400 pass "600 or more restrictive" and 640 fails.
 */
final class KubernetesCelLibrary {
  static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");

  private KubernetesCelLibrary() {}

  static List<CelFunctionDecl> declarations() {
    CelType q = QUANTITY;
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "quantity",
            CelOverloadDecl.newGlobalOverload("quantity_string", q, SimpleType.STRING),
            CelOverloadDecl.newGlobalOverload("quantity_int", q, SimpleType.INT),
            CelOverloadDecl.newGlobalOverload("quantity_double", q, SimpleType.DOUBLE)),
        CelFunctionDecl.newFunctionDeclaration(
            "isQuantity",
            CelOverloadDecl.newGlobalOverload(
                "is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
        member("isLessThan", "quantity_is_less_than", SimpleType.BOOL, q),
        member("isGreaterThan", "quantity_is_greater_than", SimpleType.BOOL, q),
        member("compareTo", "quantity_compare_to", SimpleType.INT, q),
        member("add", "quantity_add", q, q),
        member("sub", "quantity_sub", q, q),
        member("sign", "quantity_sign", SimpleType.INT),
        member("isInteger", "quantity_is_integer", SimpleType.BOOL),
        member("asInteger", "quantity_as_integer", SimpleType.INT),
        member("asApproximateFloat", "quantity_as_approximate_float", SimpleType.DOUBLE),
        CelFunctionDecl.newFunctionDeclaration(
            "modeAtMost",
            CelOverloadDecl.newGlobalOverload(
                "mode_at_most_string", SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING),
            CelOverloadDecl.newGlobalOverload(
                "mode_at_most_int", SimpleType.BOOL, SimpleType.INT, SimpleType.STRING)));
  }

  private static CelFunctionDecl member(
      String name, String overloadId, CelType result, CelType... args) {
    CelType[] all = new CelType[args.length + 1];
    all[0] = QUANTITY;
    System.arraycopy(args, 0, all, 1, args.length);
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(overloadId, result, all));
  }

  private static final java.util.Map<String, com.google.re2j.Pattern> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static boolean matchesCached(String text, String regex) {
    com.google.re2j.Pattern pattern = PATTERNS.get(regex);
    if (pattern == null) {
      pattern = com.google.re2j.Pattern.compile(regex);
      if (PATTERNS.size() < 10_000) {
        PATTERNS.put(regex, pattern);
      }
    }
    return pattern.matcher(text).find();
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("quantity_string", String.class, Quantity::parse),
        CelFunctionBinding.from("quantity_int", Long.class, Quantity::of),
        CelFunctionBinding.from("quantity_double", Double.class, Quantity::of),
        CelFunctionBinding.from(
            "is_quantity_string", String.class, s -> Quantity.tryParse(s) != null),
        CelFunctionBinding.from(
            "quantity_is_less_than", Quantity.class, Quantity.class, Quantity::isLessThan),
        CelFunctionBinding.from(
            "quantity_is_greater_than", Quantity.class, Quantity.class, Quantity::isGreaterThan),
        CelFunctionBinding.from(
            "quantity_compare_to",
            Quantity.class,
            Quantity.class,
            (a, b) -> (long) Integer.signum(a.compareTo(b))),
        CelFunctionBinding.from("quantity_add", Quantity.class, Quantity.class, Quantity::add),
        CelFunctionBinding.from("quantity_sub", Quantity.class, Quantity.class, Quantity::sub),
        CelFunctionBinding.from("quantity_sign", Quantity.class, Quantity::sign),
        CelFunctionBinding.from("quantity_is_integer", Quantity.class, Quantity::isInteger),
        CelFunctionBinding.from("quantity_as_integer", Quantity.class, Quantity::asInteger),
        CelFunctionBinding.from(
            "quantity_as_approximate_float", Quantity.class, Quantity::asApproximateFloat),
        CelFunctionBinding.from(
            "mode_at_most_string",
            String.class,
            String.class,
            (mode, max) -> FileMode.atMost(FileMode.parse(mode), FileMode.parse(max))),
        // CEL's own matches() compiles its RE2 pattern on every call; rules match constant
        // patterns against thousands of subjects, so compile each pattern once.
        CelFunctionBinding.from(
            "matches", String.class, String.class, KubernetesCelLibrary::matchesCached),
        CelFunctionBinding.from(
            "matches_string", String.class, String.class, KubernetesCelLibrary::matchesCached),
        CelFunctionBinding.from(
            "mode_at_most_int",
            Long.class,
            String.class,
            (mode, max) -> FileMode.atMost(mode, FileMode.parse(max))));
  }
}
