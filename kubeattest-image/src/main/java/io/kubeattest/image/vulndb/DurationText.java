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

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
