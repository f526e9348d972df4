package io.kubeattest.engine.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2.5e3}) as an exact decimal,
 * for the CEL functions {@code quantity()}, {@code isQuantity()}, {@code isLessThan()} and friends
 * that Kubernetes' own CEL library offers. Immutable.
 */
public final class Quantity implements Comparable<Quantity> {
  private static final Pattern SYNTAX =
      Pattern.compile(
          "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", new BigDecimal(BigInteger.TWO.pow(10))),
          Map.entry("Mi", new BigDecimal(BigInteger.TWO.pow(20))),
          Map.entry("Gi", new BigDecimal(BigInteger.TWO.pow(30))),
          Map.entry("Ti", new BigDecimal(BigInteger.TWO.pow(40))),
          Map.entry("Pi", new BigDecimal(BigInteger.TWO.pow(50))),
          Map.entry("Ei", new BigDecimal(BigInteger.TWO.pow(60))));

  private final BigDecimal value;
  private final String text;

  private Quantity(BigDecimal value, String text) {
    this.value = value;
    this.text = text;
  }

  /**
   * Parses Kubernetes quantity syntax.
   *
   * @throws IllegalArgumentException naming the text when it is not a quantity
   */
  public static Quantity parse(String text) {
    Quantity quantity = tryParse(text);
    if (quantity == null) {
      throw new IllegalArgumentException("'" + text + "' is not a Kubernetes quantity");
    }
    return quantity;
  }

  /** Parses Kubernetes quantity syntax, or returns null when the text is not a quantity. */
  public static @Nullable Quantity tryParse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (text.length() > 64 || !m.matches()) {
      return null;
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix != null) {
      if (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') {
        int exponent = Integer.parseInt(suffix.substring(1));
        if (Math.abs(exponent) > 100) {
          return null;
        }
        number = number.scaleByPowerOfTen(exponent);
      } else {
        number = number.multiply(SUFFIXES.get(suffix));
      }
    }
    return new Quantity(number, text.trim());
  }

  /** Wraps a plain number (an integer or float written without quotes in YAML). */
  public static Quantity of(Number number) {
    BigDecimal value =
        number instanceof Long || number instanceof Integer
            ? BigDecimal.valueOf(number.longValue())
            : new BigDecimal(number.toString());
    return new Quantity(value, number.toString());
  }

  /** The exact value, in base units (cores, bytes). */
  public BigDecimal value() {
    return value;
  }

  public boolean isLessThan(Quantity other) {
    return compareTo(other) < 0;
  }

  public boolean isGreaterThan(Quantity other) {
    return compareTo(other) > 0;
  }

  public Quantity add(Quantity other) {
    BigDecimal sum = value.add(other.value);
    return new Quantity(sum, sum.toPlainString());
  }

  public Quantity sub(Quantity other) {
    BigDecimal difference = value.subtract(other.value);
    return new Quantity(difference, difference.toPlainString());
  }

  public long sign() {
    return value.signum();
  }

  public boolean isInteger() {
    return value.stripTrailingZeros().scale() <= 0 && value.abs().compareTo(LONG_MAX) <= 0;
  }

  /**
   * The value as a long.
   *
   * @throws ArithmeticException when it has a fraction or does not fit
   */
  public long asInteger() {
    return value.longValueExact();
  }

  public double asApproximateFloat() {
    return value.round(MathContext.DECIMAL64).doubleValue();
  }

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Quantity q && q.value.compareTo(value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** The text as written. */
  @Override
  public String toString() {
    return text;
  }
}
