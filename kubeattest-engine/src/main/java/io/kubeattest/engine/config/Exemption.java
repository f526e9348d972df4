package io.kubeattest.engine.config;

import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.SourceLocation;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One exemption from the configuration file: a rule (or {@code *}) on objects whose namespace and
 * name match globs, optionally of one kind, with a reason and an optional expiry date (the last day
 * it applies).
 */
public record Exemption(
    String rule,
    String namespaceGlob,
    String nameGlob,
    @Nullable String kind,
    String reason,
    @Nullable LocalDate expires,
    SourceLocation source) {

  /** True when this exemption names {@code ruleId} and {@code object}, whatever the date. */
  public boolean covers(String ruleId, ObjectRef object) {
    return (rule.equals("*") || rule.equals(ruleId))
        && (kind == null || kind.equals(object.kind()))
        && glob(namespaceGlob, object.namespace() == null ? "" : object.namespace())
        && glob(nameGlob, object.name());
  }

  /** True when the exemption has expired on {@code today}. */
  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }

  static boolean glob(String glob, String value) {
    if (glob.equals("*")) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return value.matches(regex.toString());
  }
}
