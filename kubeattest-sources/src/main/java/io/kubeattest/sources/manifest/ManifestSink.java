package io.kubeattest.sources.manifest;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;

/** Receives what a {@link ManifestSource} reads, in input order. */
public interface ManifestSink {
  /** A Kubernetes object, with its file and positions. */
  void object(KubernetesObject object);

  /** An input or document that was skipped or could not be read. */
  void note(InputNote note);
}
