package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunningImageTest {
  private static final String HEX = "0123456789abcdef".repeat(4);

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @DisplayName(
      "a pod's image id gives the reference to scan: the spec's repository at the registry digest,"
          + " else the spec's name with the reason")
  @CsvSource(
      delimiter = '|',
      value = {
        // Docker (dockershim, cri-dockerd): the repository digest
        "nginx:1.25 | docker-pullable://nginx@sha256:HEX | nginx@sha256:HEX | ''",
        // containerd and CRI-O: the repository digest, normalised; the spec's spelling is kept
        "nginx:1.25 | docker.io/library/nginx@sha256:HEX | nginx@sha256:HEX | ''",
        "reg.io:5000/team/app:1.0 | reg.io:5000/team/app@sha256:HEX"
            + " | reg.io:5000/team/app@sha256:HEX | ''",
        "reg.io:5000/team/app | reg.io:5000/team/app@sha256:HEX"
            + " | reg.io:5000/team/app@sha256:HEX | ''",
        // a spec pinned to another digest: the one that runs wins
        "app:1.0@sha256:"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + " | app@sha256:HEX | app@sha256:HEX | ''",
        // local image ids: the config's digest, which no registry serves by
        "app:1.0 | sha256:HEX | app:1.0"
            + " | the runtime reports a local image id, not a registry digest (sha256:HEX)",
        "app:1.0 | docker://sha256:HEX | app:1.0"
            + " | the runtime reports a local image id, not a registry digest (sha256:HEX)",
        "app:1.0 | '' | app:1.0 | the pod reports no image id yet",
        "app:1.0 | app@sha256:short | app:1.0 | the image id 'app@sha256:short' names no valid"
            + " digest",
        "app:1.0 | something-else | app:1.0 | the image id 'something-else' names no registry"
            + " digest"
      })
  void referenceToScan(String name, String imageId, String reference, String byTag) {
    RunningImage image = RunningImage.of(name, imageId.replace("HEX", HEX));
    assertThat(image.reference()).isEqualTo(reference.replace("HEX", HEX));
    assertThat(image.byTag()).isEqualTo(byTag.replace("HEX", HEX));
  }
}
