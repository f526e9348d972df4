package io.kubeattest.image.osv;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An affected range: its {@link Type}, the repository (GIT ranges), and its events in file order.
 */
public record Range(
    Type type, @Nullable String repo, List<Event> events, Map<String, Object> databaseSpecific) {
  /** How the range's versions are ordered. */
  public enum Type {
    /** SemVer 2.0 versions, whatever the ecosystem. */
    SEMVER,
    /** The ecosystem's own version ordering. */
    ECOSYSTEM,
    /** Commit hashes in {@link #repo}; not usable to match package versions. */
    GIT
  }

  public Range {
    Objects.requireNonNull(type, "type");
    events = List.copyOf(events);
    databaseSpecific = Map.copyOf(databaseSpecific);
  }
}
