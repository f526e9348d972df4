package io.kubeattest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The node-scan Jobs under {@code deploy/} are scanned with kubeattest's own manifest rules. They
 * fail exactly the rules a node scan cannot avoid: {@code pod-host-pid} (processes are read from
 * the host's /proc), {@code pod-hostpath-volume} (host files, mounted read-only) and {@code
 * container-run-as-non-root} (the files to read are root:root 0600; every capability is dropped, so
 * root reads only what it owns). Everything else (privileged, privilege escalation, read-only root
 * filesystem, capabilities, resources, image tag, host network and IPC) passes.
 */
class DeployManifestsTest {
  @ParameterizedTest
  @ValueSource(strings = {"node-scan-master.yaml", "node-scan-worker.yaml"})
  @DisplayName("a node-scan Job fails hostPID, hostPath and root, and keeps every other hardening")
  void failsOnlyWhatANodeScanNeeds(String file) throws Exception {
    Cli cli = Cli.run("manifests", "-q", "-o", "json", "../deploy/" + file);
    JsonNode root = new ObjectMapper().readTree(cli.out());
    Set<String> failed = new TreeSet<>();
    Set<String> passed = new TreeSet<>();
    for (JsonNode finding : root.get("findings")) {
      String status = finding.get("status").asText();
      if (status.equals("FAIL") || status.equals("ERROR") || status.equals("WARN")) {
        failed.add(finding.get("ruleId").asText());
      } else if (status.equals("PASS")) {
        passed.add(finding.get("ruleId").asText());
      }
    }
    assertThat(root.get("notes")).isEmpty();
    // hostPID and read-only hostPath mounts are what a node scan is; root is needed to read
    // root:root 0600 files (with every capability dropped); kube-system has no default-deny policy
    // of its own, and the Job must not add one for the whole namespace. The other failures are
    // best-practice opinions (digest pinning, priority class, owner labels) a user tunes with
    // --config; the security-relevant hardening below must hold.
    assertThat(failed)
        .contains(
            "container-run-as-non-root",
            "namespace-network-policy",
            "pod-host-pid",
            "pod-hostpath-volume",
            "pss-baseline-host-namespaces",
            "pss-baseline-host-path-volumes")
        .doesNotContain(
            "container-privileged",
            "container-allow-privilege-escalation",
            "container-capabilities-drop-all",
            "container-read-only-root-fs",
            "pod-host-network",
            "pod-host-ipc",
            "pss-baseline-privileged",
            "pss-baseline-capabilities",
            "pss-restricted-allow-privilege-escalation",
            "pss-restricted-capabilities",
            "pod-network-policy");
    assertThat(passed).contains("pod-network-policy");
    assertThat(passed)
        .contains(
            "container-privileged",
            "container-allow-privilege-escalation",
            "container-read-only-root-fs",
            "container-capabilities-drop-all",
            "pod-host-network",
            "pod-host-ipc",
            "container-image-tag");
  }
}
