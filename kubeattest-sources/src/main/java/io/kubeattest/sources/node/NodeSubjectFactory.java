package io.kubeattest.sources.node;

import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.model.SubjectKind;
import io.kubeattest.engine.model.SubjectRef;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.Positions;
import java.util.List;
import java.util.Map;

/**
 * Turns a node's facts tree (from {@link NodeFactsCollector}) into the one subject node rules
 * evaluate: kind {@link SubjectKind#NODE}, id {@code node/<hostname>}, object {@code v1 Node
 * <hostname>}, variable {@code node} bound to the facts.
 */
public final class NodeSubjectFactory {
  private NodeSubjectFactory() {}

  /**
   * The node subject of {@code facts}. The name is the facts' {@code hostname}, or {@code
   * fallbackName} when the host has no {@code /etc/hostname}.
   */
  public static Subject subject(Map<String, Object> facts, String fallbackName) {
    String name = hostname(facts, fallbackName);
    SubjectRef ref =
        new SubjectRef(
            SubjectKind.NODE, "node/" + name, new ObjectRef("v1", "Node", null, name), null, null);
    return new Subject(
        ref,
        Map.of("node", facts),
        Map.of("node", List.of(FieldPath.root())),
        null,
        Positions.NONE);
  }

  /** The facts' hostname when it is a non-blank string, else {@code fallbackName}. */
  public static String hostname(Map<String, Object> facts, String fallbackName) {
    return facts.get("hostname") instanceof String h && !h.isBlank() ? h : fallbackName;
  }
}
