package io.kubeattest.sources.cluster;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;

/** Receives what a {@link ClusterSource} reads, on the reading thread, one object at a time. */
public interface ClusterSink {
  /** One object, already stripped of what kubeattest must not hold (secret data, values). */
  void object(KubernetesObject object);

  /** A kind that could not be read (forbidden, not served); the scan goes on. */
  void note(InputNote note);

  /**
   * Every Pod read, with the workload that runs it: the top of its controller chain (the Deployment
   * of a ReplicaSet's pod, the CronJob of a Job's pod, the StatefulSet, DaemonSet, Job or
   * ReplicationController that controls it), or the pod itself when it has no controller of those
   * kinds. Called for pods left out of {@link #object} too, because they repeat their controller's
   * template: it is for what only a pod knows (its status, such as the image digests its containers
   * run), and such a pod must not be judged again. Called before {@link #object} for a pod that is
   * judged. Ignored by default.
   */
  default void pod(KubernetesObject pod, ObjectRef workload) {}

  /** One kind has been listed: {@code count} objects of it were handed on. */
  default void listed(ResourceKind kind, int count) {}
}
