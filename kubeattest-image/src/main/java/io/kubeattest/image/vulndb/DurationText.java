package io.kubeattest.image.vulndb;

import java.time.Duration;

/** Writes a duration the way a person says it: the largest whole unit, e.g. {@code 9 days}. */
public final class DurationText {
  private DurationText() {}

  /** {@code 9 days}, {@code 1 day}, {@code 5 hours}, {@code 12 minutes} or {@code 30 seconds}. */
  public static String of(Duration duration) {
    Duration d = duration.isNegative() ? Duration.ZERO : duration;
    if (d.toDays() > 0) {
      return plural(d.toDays(), "day");
    }
    if (d.toHours() > 0) {
      return plural(d.toHours(), "hour");
    }
    if (d.toMinutes() > 0) {
      return plural(d.toMinutes(), "minute");
    }
    return plural(d.toSeconds(), "second");
  }

  /**
   * Reads an age as users write it: {@code 7d}, {@code 36h}, {@code 90m}, or an ISO-8601 duration
   * ({@code P7D}, {@code PT36H}).
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String t = text.strip();
    try {
      if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
        return nonNegative(Duration.parse(t), text);
      }
      if (t.length() > 1) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d =
            switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
              case 'd' -> Duration.ofDays(n);
              case 'h' -> Duration.ofHours(n);
              case 'm' -> Duration.ofMinutes(n);
              default -> null;
            };
        if (d != null) {
          return nonNegative(d, text);
        }
      }
    } catch (RuntimeException e) {
      // reported below with the accepted forms
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not an age (expected e.g. 7d, 36h, 90m or P7D)");
  }

  private static Duration nonNegative(Duration d, String text) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative age " + text);
    }
    return d;
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
