package io.kubeattest.image.osv;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code affected} entry: the package (absent in records that only list GIT ranges), its own
 * severities, ranges, explicitly listed versions, and the free-form ecosystem and database specific
 * objects (JSON objects as maps of strings, numbers, booleans, lists and maps; JSON nulls dropped).
 */
public record Affected(
    @Nullable AffectedPackage pkg,
    List<Severity> severity,
    List<Range> ranges,
    List<String> versions,
    Map<String, Object> ecosystemSpecific,
    Map<String, Object> databaseSpecific) {
  public Affected {
    severity = List.copyOf(severity);
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
    ecosystemSpecific = Map.copyOf(ecosystemSpecific);
    databaseSpecific = Map.copyOf(databaseSpecific);
  }
}
