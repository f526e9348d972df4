package io.kubeattest.image.osv;

import java.util.Objects;

/** One event of a range: what happens ({@link Kind}) at which version (or commit, for GIT). */
public record Event(Kind kind, String version) {
  /** The event kinds of the OSV schema. */
  public enum Kind {
    /** The first affected version; {@code "0"} means from the beginning. */
    INTRODUCED,
    /** The first version that is not affected again (exclusive end). */
    FIXED,
    /** The last affected version (inclusive end). */
    LAST_AFFECTED,
    /** An upper bound past which the range says nothing; {@code "*"} means none. */
    LIMIT
  }

  public Event {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
  }
}
