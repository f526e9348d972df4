package io.kubeattest.sources.cluster;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;

/** Receives what a {@link ClusterSource} reads, on the reading thread, one object at a time. */
public interface ClusterSink {
  /** One object, already stripped of what kubeattest must not hold (secret data, values). */
  void object(KubernetesObject object);

  /** A kind that could not be read (forbidden, not served); the scan goes on. */
  void note(InputNote note);

  /** One kind has been listed: {@code count} objects of it were handed on. */
  default void listed(ResourceKind kind, int count) {}
}
