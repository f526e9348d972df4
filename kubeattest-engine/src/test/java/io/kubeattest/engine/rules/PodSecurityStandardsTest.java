package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Pod Security Standards control, both ways, and every version boundary: a value allowed at
 * v1.(N-1) and refused at v1.N, or the reverse, or a check that starts to apply at v1.N.
 */
class PodSecurityStandardsTest {
  private static final String APP = "{name: app, image: app}";
  private static final String C = "containers: [" + APP + "]";

  /** One control evaluated at one policy version; {@code expected} null means "does not apply". */
  record Case(String rule, int version, @Nullable Status expected, String meta, String spec) {
    String yaml() {
      return "apiVersion: v1\nkind: Pod\nmetadata: {name: p" + meta + "}\nspec: {" + spec + "}\n";
    }

    @Override
    public String toString() {
      return rule
          + " v1."
          + version
          + " "
          + (expected == null ? "N/A" : expected)
          + ": "
          + meta
          + spec;
    }
  }

  private static Case pass(String rule, int version, String spec) {
    return new Case(rule, version, Status.PASS, "", spec);
  }

  private static Case fail(String rule, int version, String spec) {
    return new Case(rule, version, Status.FAIL, "", spec);
  }

  private static Case none(String rule, int version, String spec) {
    return new Case(rule, version, null, "", spec);
  }

  private static Case annotated(
      String rule, int version, Status expected, String annotations, String spec) {
    return new Case(rule, version, expected, ", annotations: {" + annotations + "}", spec);
  }

  private static String container(String securityContext) {
    return "containers: [{name: app, image: app, securityContext: {" + securityContext + "}}]";
  }

  private static String podContext(String securityContext) {
    return "securityContext: {" + securityContext + "}, " + C;
  }

  static Stream<Case> baseline() {
    String ns = "pss-baseline-host-namespaces";
    String priv = "pss-baseline-privileged";
    String caps = "pss-baseline-capabilities";
    String hp = "pss-baseline-host-path-volumes";
    String ports = "pss-baseline-host-ports";
    String aa = "pss-baseline-apparmor";
    String se = "pss-baseline-selinux";
    String proc = "pss-baseline-proc-mount";
    String sc = "pss-baseline-seccomp";
    String sys = "pss-baseline-sysctls";
    String hpc = "pss-baseline-windows-host-process";
    String probes = "pss-baseline-host-probes-and-lifecycle";
    String aaKey = "container.apparmor.security.beta.kubernetes.io/app";
    return Stream.of(
        pass(ns, 37, "hostNetwork: false, hostPID: false, " + C),
        fail(ns, 37, "hostNetwork: true, " + C),
        fail(ns, 37, "hostPID: true, " + C),
        fail(ns, 0, "hostIPC: true, " + C),
        pass(priv, 37, container("privileged: false")),
        fail(
            priv,
            37,
            C + ", initContainers: [{name: init, image: i, securityContext: {privileged: true}}]"),
        fail(
            priv,
            37,
            C
                + ", ephemeralContainers: [{name: dbg, image: d, securityContext: {privileged: true}}]"),
        pass(caps, 37, container("capabilities: {add: [CHOWN, NET_BIND_SERVICE, SYS_CHROOT]}")),
        fail(caps, 37, container("capabilities: {add: [NET_RAW]}")),
        fail(caps, 0, container("capabilities: {add: [SYS_ADMIN]}")),
        pass(hp, 37, C + ", volumes: [{name: v, emptyDir: {}}]"),
        fail(hp, 37, C + ", volumes: [{name: v, hostPath: {path: /etc}}]"),
        pass(
            ports,
            37,
            "containers: [{name: app, image: app, ports: [{containerPort: 80, hostPort: 0}]}]"),
        fail(
            ports,
            37,
            C
                + ", initContainers: [{name: i, image: i, ports: [{containerPort: 80, hostPort: 80}]}]"),
        annotated(aa, 37, Status.PASS, aaKey + ": runtime/default", C),
        annotated(aa, 37, Status.PASS, aaKey + ": localhost/custom", C),
        annotated(aa, 37, Status.FAIL, aaKey + ": unconfined", C),
        pass(aa, 37, podContext("appArmorProfile: {type: Localhost, localhostProfile: p}")),
        fail(aa, 37, podContext("appArmorProfile: {type: Unconfined}")),
        fail(aa, 37, container("appArmorProfile: {type: Unconfined}")),
        pass(se, 37, podContext("seLinuxOptions: {type: container_init_t, level: 's0:c1,c2'}")),
        fail(se, 37, podContext("seLinuxOptions: {type: spc_t}")),
        fail(se, 37, container("seLinuxOptions: {user: sysadm_u}")),
        fail(se, 37, container("seLinuxOptions: {role: sysadm_r}")),
        fail(se, 30, container("seLinuxOptions: {type: container_engine_t}")),
        pass(se, 31, container("seLinuxOptions: {type: container_engine_t}")),
        pass(proc, 37, container("procMount: Default")),
        fail(proc, 37, container("procMount: Unmasked")),
        fail(proc, 34, "hostUsers: false, " + container("procMount: Unmasked")),
        pass(proc, 35, "hostUsers: false, " + container("procMount: Unmasked")),
        pass(sc, 37, podContext("seccompProfile: {type: RuntimeDefault}")),
        fail(sc, 37, podContext("seccompProfile: {type: Unconfined}")),
        fail(sc, 37, container("seccompProfile: {type: Unconfined}")),
        annotated(sc, 18, Status.FAIL, "seccomp.security.alpha.kubernetes.io/pod: unconfined", C),
        annotated(
            sc, 18, Status.PASS, "seccomp.security.alpha.kubernetes.io/pod: docker/default", C),
        annotated(
            sc,
            18,
            Status.FAIL,
            "container.seccomp.security.alpha.kubernetes.io/app: unconfined",
            C),
        annotated(
            sc,
            18,
            Status.PASS,
            "container.seccomp.security.alpha.kubernetes.io/other: unconfined",
            C),
        pass(sc, 18, container("seccompProfile: {type: Unconfined}")),
        fail(sc, 19, container("seccompProfile: {type: Unconfined}")),
        annotated(sc, 19, Status.PASS, "seccomp.security.alpha.kubernetes.io/pod: unconfined", C),
        pass(sys, 37, podContext("sysctls: [{name: kernel.shm_rmid_forced, value: '0'}]")),
        fail(sys, 37, podContext("sysctls: [{name: kernel.msgmax, value: '1'}]")),
        fail(
            sys,
            26,
            podContext("sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: '80'}]")),
        pass(
            sys,
            27,
            podContext("sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: '80'}]")),
        fail(sys, 28, podContext("sysctls: [{name: net.ipv4.tcp_keepalive_probes, value: '5'}]")),
        pass(sys, 29, podContext("sysctls: [{name: net.ipv4.tcp_keepalive_probes, value: '5'}]")),
        fail(
            sys,
            31,
            podContext("sysctls: [{name: net.ipv4.tcp_wmem, value: '4096 16384 4194304'}]")),
        pass(
            sys,
            32,
            podContext("sysctls: [{name: net.ipv4.tcp_wmem, value: '4096 16384 4194304'}]")),
        fail(sys, 36, podContext("sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: '16384'}]")),
        pass(sys, 37, podContext("sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: '16384'}]")),
        pass(hpc, 37, podContext("windowsOptions: {hostProcess: false}")),
        fail(hpc, 37, podContext("windowsOptions: {hostProcess: true}")),
        fail(hpc, 0, container("windowsOptions: {hostProcess: true}")),
        pass(
            probes,
            37,
            "containers: [{name: app, image: app, livenessProbe: {httpGet: {port: 80, host: ''}}}]"),
        fail(
            probes,
            37,
            "containers: [{name: app, image: app, lifecycle: {preStop: {tcpSocket: {port: 80, host: 10.0.0.1}}}}]"),
        fail(
            probes,
            34,
            "containers: [{name: app, image: app, startupProbe: {httpGet: {port: 80, host: example.com}}}]"),
        none(
            probes,
            33,
            "containers: [{name: app, image: app, startupProbe: {httpGet: {port: 80, host: example.com}}}]"));
  }

  static Stream<Case> restricted() {
    String vol = "pss-restricted-volume-types";
    String ape = "pss-restricted-allow-privilege-escalation";
    String nonRoot = "pss-restricted-run-as-non-root";
    String user = "pss-restricted-run-as-user";
    String sc = "pss-restricted-seccomp";
    String caps = "pss-restricted-capabilities";
    String proc = "pss-restricted-proc-mount";
    String windows = "os: {name: windows}, " + C;
    return Stream.of(
        pass(
            vol,
            37,
            C
                + ", volumes: [{name: a, configMap: {name: c}}, {name: b, secret: {secretName: s}},"
                + " {name: c, persistentVolumeClaim: {claimName: d}}, {name: d, projected: {sources: []}},"
                + " {name: e, csi: {driver: x}}, {name: f, ephemeral: {}}, {name: g, image: {reference: r}},"
                + " {name: h, downwardAPI: {}}, {name: i, emptyDir: {}}, {name: j}]"),
        fail(vol, 37, C + ", volumes: [{name: a, nfs: {server: s, path: /}}]"),
        fail(vol, 0, C + ", volumes: [{name: a, hostPath: {path: /}}]"),
        none(ape, 7, C),
        fail(ape, 8, C),
        pass(ape, 37, container("allowPrivilegeEscalation: false")),
        fail(ape, 37, container("allowPrivilegeEscalation: true")),
        fail(ape, 24, windows),
        pass(ape, 25, windows),
        pass(nonRoot, 37, podContext("runAsNonRoot: true")),
        pass(nonRoot, 37, container("runAsNonRoot: true")),
        fail(nonRoot, 37, C),
        fail(
            nonRoot,
            37,
            "securityContext: {runAsNonRoot: true}, " + container("runAsNonRoot: false")),
        fail(
            nonRoot,
            37,
            "securityContext: {runAsNonRoot: false}, " + container("runAsNonRoot: true")),
        fail(nonRoot, 34, "hostUsers: false, " + C),
        pass(nonRoot, 35, "hostUsers: false, " + C),
        none(user, 22, podContext("runAsUser: 0")),
        fail(user, 23, podContext("runAsUser: 0")),
        pass(user, 37, podContext("runAsUser: 1000")),
        fail(user, 37, container("runAsUser: 0")),
        fail(user, 34, "hostUsers: false, " + container("runAsUser: 0")),
        pass(user, 35, "hostUsers: false, " + container("runAsUser: 0")),
        none(sc, 18, C),
        fail(sc, 19, C),
        pass(sc, 37, podContext("seccompProfile: {type: RuntimeDefault}")),
        pass(sc, 37, container("seccompProfile: {type: Localhost, localhostProfile: p.json}")),
        fail(
            sc,
            37,
            "securityContext: {seccompProfile: {type: RuntimeDefault}}, "
                + container("seccompProfile: {type: Unconfined}")),
        fail(sc, 24, windows),
        pass(sc, 25, windows),
        none(caps, 21, C),
        fail(caps, 22, C),
        pass(caps, 37, container("capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}")),
        fail(caps, 37, container("capabilities: {drop: [ALL], add: [CHOWN]}")),
        fail(caps, 37, container("capabilities: {drop: [all]}")),
        fail(caps, 24, windows),
        pass(caps, 25, windows),
        none(proc, 34, "hostUsers: false, " + container("procMount: Unmasked")),
        fail(proc, 35, "hostUsers: false, " + container("procMount: Unmasked")),
        pass(proc, 37, container("procMount: Default")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"baseline", "restricted"})
  @DisplayName("each control gives PSA's verdict at the pinned policy version")
  void control(Case c) {
    List<Finding> findings =
        Manifests.findings(c.rule(), c.yaml(), Map.of("pssVersion", c.version()));
    if (c.expected() == null) {
      assertThat(findings).as("the check does not exist at v1.%d", c.version()).isEmpty();
    } else {
      assertThat(findings).extracting(Finding::status).containsExactly(c.expected());
    }
  }

  @Test
  @DisplayName(
      "the default policy version is the newest: what v1.37 allows passes without a setting")
  void defaultVersionIsLatest() {
    String yaml =
        new Case(
                "",
                0,
                null,
                "",
                podContext("sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: '1'}]"))
            .yaml();
    assertThat(Manifests.findings("pss-baseline-sysctls", yaml))
        .extracting(Finding::status)
        .containsExactly(Status.PASS);
  }

  @Test
  @DisplayName("messages name the offending containers and values")
  void messagesNameContainersAndValues() {
    String yaml =
        new Case(
                "",
                0,
                null,
                "",
                "containers: [{name: web, image: w, securityContext: {capabilities: {add: [SYS_ADMIN, CHOWN]}}},"
                    + " {name: ok, image: o}], securityContext: {sysctls: [{name: kernel.msgmax, value: '1'}]},"
                    + " volumes: [{name: share, nfs: {server: s, path: /}}]")
            .yaml();
    assertThat(message("pss-baseline-capabilities", yaml))
        .contains("web adds SYS_ADMIN")
        .doesNotContain("CHOWN");
    assertThat(message("pss-restricted-capabilities", yaml))
        .contains("web does not drop ALL and adds SYS_ADMIN, CHOWN")
        .contains("ok does not drop ALL");
    assertThat(message("pss-baseline-sysctls", yaml)).contains("kernel.msgmax").contains("v1.37");
    assertThat(message("pss-restricted-volume-types", yaml)).contains("share (nfs)");
    assertThat(message("pss-restricted-allow-privilege-escalation", yaml)).contains("web, ok");
  }

  private static String message(String rule, String yaml) {
    List<Finding> findings = Manifests.findings(rule, yaml);
    assertThat(findings).extracting(Finding::status).containsExactly(Status.FAIL);
    return findings.get(0).message();
  }

  @Test
  @DisplayName("every PSS rule belongs to exactly one of the two profiles and names its PSA check")
  void profiles() {
    List<Rule> pss =
        Manifests.builtInCatalogue().descriptions().stream()
            .filter(r -> r.id().startsWith("pss-"))
            .toList();
    assertThat(pss).hasSize(19);
    assertThat(pss)
        .allSatisfy(
            r -> {
              String level = r.id().startsWith("pss-baseline-") ? "pss-baseline" : "pss-restricted";
              assertThat(r.frameworks()).containsOnlyKeys(level);
              assertThat(r.frameworks().get(level)).hasSize(1);
              assertThat(r.equivalents().get("pss"))
                  .containsExactly(level.substring(4) + ":" + r.frameworks().get(level).get(0));
            });
  }

  /** The rule ids a PSS level evaluates: baseline, or baseline plus restricted. */
  static Set<String> profile(String level) {
    return Manifests.builtInCatalogue().descriptions().stream()
        .filter(
            r ->
                r.frameworks().containsKey("pss-baseline")
                    || (level.equals("restricted") && r.frameworks().containsKey("pss-restricted")))
        .map(Rule::id)
        .collect(Collectors.toSet());
  }
}
