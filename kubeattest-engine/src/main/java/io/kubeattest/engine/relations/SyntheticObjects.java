package io.kubeattest.engine.relations;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.SourceLocation;
import io.kubeattest.engine.tree.Positions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Objects a cross-object rule judges that the scan did not contain, such as a namespace. */
final class SyntheticObjects {
  private SyntheticObjects() {}

  /**
   * A Namespace known only from the objects in it; its name is empty when they set none. It is
   * located where its first object is.
   */
  static IndexedObject namespace(String name, @Nullable SourceLocation firstObject) {
    String shown = name.isEmpty() ? "(namespace not set)" : name;
    return new IndexedObject(
        new KubernetesObject(
            new ObjectRef("v1", "Namespace", null, shown),
            Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", shown)),
            firstObject,
            Positions.NONE),
        null);
  }
}
