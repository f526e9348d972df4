package io.kubeattest.engine.model;

import java.util.Locale;

/** What kind of thing a subject is; each rule targets exactly one kind. */
public enum SubjectKind {
  /** Any Kubernetes object, as a whole. */
  OBJECT,
  /** A Kubernetes object that carries a pod spec (Pod, Deployment, CronJob, ...). */
  WORKLOAD,
  /** One container, init container or ephemeral container of a workload. */
  CONTAINER,
  /** A Kubernetes node: component processes and flags, config files, file modes and owners. */
  NODE,
  /** A container image: its config, filesystem and packages. */
  IMAGE;

  /** The lower-case name used in rule files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a subject kind name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static SubjectKind parse(String value) {
    for (SubjectKind kind : values()) {
      if (kind.name().equalsIgnoreCase(value.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown subject kind '"
            + value
            + "' (expected object, workload, container, node or image)");
  }
}
