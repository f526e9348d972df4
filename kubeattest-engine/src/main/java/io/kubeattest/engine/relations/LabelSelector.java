package io.kubeattest.engine.relations;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes label selector semantics: a map selector (a Service's {@code spec.selector}) or a
 * {@code LabelSelector} ({@code matchLabels} and {@code matchExpressions} with In, NotIn, Exists,
 * DoesNotExist). An empty {@code LabelSelector} matches everything; a null one matches nothing.
 */
public final class LabelSelector {
  private LabelSelector() {}

  /** A Service-style selector: every key must be present with the same value. */
  static boolean mapMatches(Map<?, ?> selector, Map<?, ?> labels) {
    for (Map.Entry<?, ?> entry : selector.entrySet()) {
      if (!String.valueOf(entry.getValue()).equals(String.valueOf(labels.get(entry.getKey())))) {
        return false;
      }
    }
    return true;
  }

  /** A {@code LabelSelector}; null (absent) matches nothing. */
  public static boolean matches(@Nullable Object selector, Map<?, ?> labels) {
    if (!(selector instanceof Map<?, ?> map)) {
      return false;
    }
    if (map.get("matchLabels") instanceof Map<?, ?> matchLabels
        && !mapMatches(matchLabels, labels)) {
      return false;
    }
    if (map.get("matchExpressions") instanceof List<?> expressions) {
      for (Object expression : expressions) {
        if (expression instanceof Map<?, ?> e && !expressionMatches(e, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True for {@code {}}: a selector that selects every pod. */
  static boolean selectsAll(@Nullable Object selector) {
    return selector instanceof Map<?, ?> map
        && (!(map.get("matchLabels") instanceof Map<?, ?> l) || l.isEmpty())
        && (!(map.get("matchExpressions") instanceof List<?> e) || e.isEmpty());
  }

  private static boolean expressionMatches(Map<?, ?> expression, Map<?, ?> labels) {
    Object key = expression.get("key");
    Object operator = expression.get("operator");
    List<?> values = expression.get("values") instanceof List<?> v ? v : List.of();
    boolean present = labels.containsKey(key);
    String value = present ? String.valueOf(labels.get(key)) : null;
    if ("In".equals(operator)) {
      return present && values.stream().map(String::valueOf).anyMatch(v -> v.equals(value));
    }
    if ("NotIn".equals(operator)) {
      return !present || values.stream().map(String::valueOf).noneMatch(v -> v.equals(value));
    }
    if ("Exists".equals(operator)) {
      return present;
    }
    if ("DoesNotExist".equals(operator)) {
      return !present;
    }
    return false;
  }
}
