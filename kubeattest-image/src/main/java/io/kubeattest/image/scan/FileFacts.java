package io.kubeattest.image.scan;

import io.kubeattest.image.pkg.Distro;
import io.kubeattest.image.pkg.InstalledPackage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@link FileInspector} kept about one file. */
record FileFacts(
    List<InstalledPackage> packages, @Nullable Distro osRelease, @Nullable String secretKind) {
  FileFacts {
    packages = List.copyOf(packages);
  }
}
