package io.kubeattest.engine.model;

import java.util.Locale;

/** How bad a failing rule is, from {@link #CRITICAL} down to {@link #INFO}. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used in rule files, flags and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as bad as {@code other} or worse. */
  public boolean isAtLeast(Severity other) {
    return compareTo(other) <= 0;
  }

  /**
   * Parses a severity name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static Severity parse(String value) {
    for (Severity severity : values()) {
      if (severity.name().equalsIgnoreCase(value.trim())) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + value + "' (expected critical, high, medium, low or info)");
  }
}
