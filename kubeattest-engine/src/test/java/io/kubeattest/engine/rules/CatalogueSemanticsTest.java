package io.kubeattest.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.k8s.PodSpecLocator;
import io.kubeattest.engine.k8s.SubjectExtractor;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.scan.RuleEvaluator;
import io.kubeattest.engine.testing.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's answers where its peers (Polaris, kube-score, Kubescape, Trivy, KubeLinter)
 * disagree with each other: each test pins the behaviour Kubernetes itself implies, as the rule's
 * description documents it.
 */
class CatalogueSemanticsTest {

  /** A Deployment of 2 replicas whose pod spec is {@code podSpec} (YAML at column 0). */
  private static String deployment(String podSpec) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
        """
        + podSpec.indent(6);
  }

  private static List<Status> statuses(String ruleId, String yaml) {
    return Manifests.findings(ruleId, yaml).stream().map(Finding::status).toList();
  }

  /**
   * The statuses of one rule evaluated with {@code params}, subject by subject (no exemptions or
   * cross-object rules are involved).
   */
  private static List<Status> statuses(String ruleId, Map<String, Object> params, String yaml) {
    RuleEvaluator evaluator =
        new RuleEvaluator(Manifests.builtInCatalogue(), Map.of(ruleId, params), Map.of());
    SubjectExtractor extractor = new SubjectExtractor(PodSpecLocator.standard());
    return Manifests.objects("test.yaml", yaml).stream()
        .flatMap(object -> extractor.subjects(object).stream())
        .flatMap(subject -> evaluator.evaluate(subject).stream())
        .filter(f -> f.ruleId().equals(ruleId))
        .map(Finding::status)
        .toList();
  }

  @Nested
  @DisplayName("capability names")
  class Capabilities {
    @Test
    @DisplayName("are matched as runtimes read them: lower case and the CAP_ prefix still count")
    void caseAndPrefix() {
      String lower =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {capabilities: {add: [sys_admin]}}
              """);
      String prefixed = lower.replace("sys_admin", "CAP_SYS_ADMIN");
      assertThat(statuses("container-cap-sys-admin", lower)).containsExactly(Status.FAIL);
      assertThat(statuses("container-cap-sys-admin", prefixed)).containsExactly(Status.FAIL);
      assertThat(statuses("container-insecure-capabilities", lower)).containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("adding ALL adds every named capability")
    void allAddsEverything() {
      String all =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {capabilities: {drop: [NET_RAW], add: [ALL]}}
              """);
      assertThat(statuses("container-cap-net-raw-added", all)).containsExactly(Status.FAIL);
      assertThat(statuses("container-cap-sys-module", all)).containsExactly(Status.FAIL);
      assertThat(statuses("container-drop-net-raw", all)).containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("adding back a default capability is fine for baseline but not for restricted")
    void baselineVersusRestricted() {
      String chown =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {capabilities: {drop: [ALL], add: [CHOWN]}}
              """);
      assertThat(statuses("container-capabilities-add-baseline", chown))
          .containsExactly(Status.PASS);
      assertThat(statuses("container-capabilities-add-restricted", chown))
          .containsExactly(Status.FAIL);
    }
  }

  @Nested
  @DisplayName("user and group ids")
  class Ids {
    @Test
    @DisplayName("the pod's runAsUser applies to containers that set none, and 10000 itself passes")
    void podLevelInheritanceAndThreshold() {
      String podLevel =
          deployment(
              """
              securityContext: {runAsUser: 10000}
              initContainers:
                - name: init
                  image: registry.example.com/init:1
              containers:
                - name: app
                  image: registry.example.com/app:1
              """);
      assertThat(statuses("container-high-uid", podLevel))
          .containsExactly(Status.PASS, Status.PASS);
    }

    @Test
    @DisplayName("a container's own runAsUser overrides the pod's")
    void containerOverridesPod() {
      String overridden =
          deployment(
              """
              securityContext: {runAsUser: 10001}
              containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {runAsUser: 0}
              """);
      assertThat(statuses("container-high-uid", overridden)).containsExactly(Status.FAIL);
      assertThat(statuses("container-run-as-user-zero", overridden)).containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("minUid is a parameter")
    void minUidParameter() {
      String uid =
          deployment(
              """
              securityContext: {runAsUser: 10000}
              containers:
                - name: app
                  image: registry.example.com/app:1
              """);
      assertThat(statuses("container-high-uid", Map.of("minUid", 10001), uid))
          .containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("in a user namespace UID 0 and an unmasked /proc are confined and pass")
    void userNamespace() {
      String userns =
          deployment(
              """
              hostUsers: false
              containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {runAsUser: 0, procMount: Unmasked}
              """);
      assertThat(statuses("container-run-as-user-zero", userns)).containsExactly(Status.PASS);
      assertThat(statuses("container-proc-mount", userns)).containsExactly(Status.PASS);
      assertThat(statuses("container-proc-mount", userns.replace("hostUsers: false", "")))
          .containsExactly(Status.FAIL);
    }
  }

  @Nested
  @DisplayName("pod-level security settings")
  class PodLevel {
    @Test
    @DisplayName(
        "Windows hostProcess is merged field by field: the pod's true reaches a container"
            + " that sets other windowsOptions")
    void hostProcessMerge() {
      String yaml =
          """
          apiVersion: v1
          kind: Pod
          metadata: {name: agent, namespace: ops}
          spec:
            os: {name: windows}
            securityContext:
              windowsOptions: {hostProcess: true}
            containers:
              - name: agent
                image: registry.example.com/agent:1
                securityContext:
                  windowsOptions: {runAsUserName: "NT AUTHORITY\\\\Local service"}
          """;
      assertThat(statuses("pod-windows-host-process", yaml)).containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("seccomp: a container's Unconfined overrides the pod's RuntimeDefault")
    void seccompOverride() {
      String yaml =
          deployment(
              """
              securityContext: {seccompProfile: {type: RuntimeDefault}}
              containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {seccompProfile: {type: Unconfined}}
              """);
      assertThat(statuses("pod-seccomp-required", yaml)).containsExactly(Status.FAIL);
      assertThat(statuses("pod-seccomp-not-unconfined", yaml)).containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("seccomp-required does not apply to Windows pods")
    void seccompWindows() {
      String yaml =
          deployment(
              """
              os: {name: windows}
              containers:
                - name: app
                  image: registry.example.com/app:1
              """);
      assertThat(statuses("pod-seccomp-required", yaml)).isEmpty();
    }

    @Test
    @DisplayName("hostNetwork makes declared container ports host ports, as Pod defaulting does")
    void hostNetworkPorts() {
      String yaml =
          deployment(
              """
              hostNetwork: true
              containers:
                - name: app
                  image: registry.example.com/app:1
                  ports: [{containerPort: 8443}]
              """);
      assertThat(statuses("container-host-port", yaml)).containsExactly(Status.FAIL);
      assertThat(statuses("container-host-port", yaml.replace("hostNetwork: true", "")))
          .containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("serviceAccount mirrored by the API server passes; alone it fails")
    void deprecatedServiceAccountField() {
      String mirrored =
          deployment(
              """
              serviceAccountName: api
              serviceAccount: api
              containers:
                - name: app
                  image: registry.example.com/app:1
              """);
      assertThat(statuses("pod-deprecated-service-account-field", mirrored))
          .containsExactly(Status.PASS);
      String alone = mirrored.replace("      serviceAccountName: api\n", "");
      assertThat(statuses("pod-deprecated-service-account-field", alone))
          .containsExactly(Status.FAIL);
      assertThat(statuses("pod-default-service-account", alone)).containsExactly(Status.PASS);
    }
  }

  @Nested
  @DisplayName("images")
  class Images {
    private String image(String image, String policy) {
      return deployment(
          """
          containers:
            - name: app
              image: %s
          %s"""
              .formatted(image, policy.isEmpty() ? "" : "    imagePullPolicy: " + policy + "\n"));
    }

    @Test
    @DisplayName("an unset pull policy is Always for latest or untagged images, else IfNotPresent")
    void pullPolicyDefaulting() {
      String digest = "@sha256:" + "a".repeat(64);
      assertThat(statuses("container-image-pull-policy-always", image("r.example.com/a", "")))
          .containsExactly(Status.PASS);
      assertThat(
              statuses("container-image-pull-policy-always", image("r.example.com/a:latest", "")))
          .containsExactly(Status.PASS);
      assertThat(
              statuses(
                  "container-image-pull-policy-always",
                  image("r.example.com/a:latest" + digest, "")))
          .containsExactly(Status.PASS);
      assertThat(statuses("container-image-pull-policy-always", image("r.example.com/a:1.2", "")))
          .containsExactly(Status.FAIL);
      assertThat(
              statuses("container-image-pull-policy-always", image("r.example.com/a" + digest, "")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("container-image-pull-policy-always", image("host:5000/a", "")))
          .as("a registry port is not a tag")
          .containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("a floating tag fails only with an explicit non-Always policy")
    void latestPullPolicy() {
      assertThat(statuses("container-latest-pull-policy", image("r.example.com/a:latest", "")))
          .containsExactly(Status.PASS);
      assertThat(
              statuses(
                  "container-latest-pull-policy", image("r.example.com/a:latest", "IfNotPresent")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("container-latest-pull-policy", image("r.example.com/a:1.2", "Never")))
          .as("a pinned tag is out of scope")
          .isEmpty();
    }

    @Test
    @DisplayName(
        "vulnerable component versions are read from the tag, with or without v and suffix")
    void vulnerableComponentVersions() {
      assertThat(statuses("cve-vulnerable-component", image("quay.io/argoproj/argocd:v2.1.8", "")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("cve-vulnerable-component", image("quay.io/argoproj/argocd:v2.1.9", "")))
          .containsExactly(Status.PASS);
      assertThat(statuses("cve-vulnerable-component", image("quay.io/argoproj/argocd:v2.2.4", "")))
          .containsExactly(Status.PASS);
      assertThat(
              statuses("cve-vulnerable-component", image("ghcr.io/kyverno/kyverno:v1.8.4-rc1", "")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("cve-vulnerable-component", image("grafana/grafana:9.2.0-ubuntu", "")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("cve-vulnerable-component", image("grafana/grafana:10.4.1", "")))
          .containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("allowed registries match whole path segments, and short names are docker.io")
    void registryAllowList() {
      Map<String, Object> params =
          Map.of("allowedRegistries", List.of("ghcr.io/my-org", "docker.io/library"));
      assertThat(statuses("image-registry-allowlist", params, image("ghcr.io/my-org/api:1.0", "")))
          .containsExactly(Status.PASS);
      assertThat(
              statuses("image-registry-allowlist", params, image("ghcr.io/my-org-evil/api:1", "")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("image-registry-allowlist", params, image("nginx:1.27", "")))
          .containsExactly(Status.PASS);
      assertThat(statuses("image-registry-allowlist", params, image("bitnami/redis:7", "")))
          .containsExactly(Status.FAIL);
    }
  }

  @Nested
  @DisplayName("resources and probes")
  class ResourcesAndProbes {
    @Test
    @DisplayName("limits without requests are Guaranteed: Kubernetes copies the limit")
    void requestsDefaultToLimits() {
      String yaml =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  resources: {limits: {cpu: 500m, memory: 256Mi}}
              """);
      assertThat(statuses("container-requests-equal-limits", yaml)).containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("unquoted numbers in resources give a FAIL with a message, not an ERROR")
    void unquotedQuantities() {
      String yaml =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  resources:
                    requests: {cpu: 0.5, memory: 1Gi}
                    limits: {cpu: 1, memory: 1073741824, ephemeral-storage: 2Gi}
              """);
      assertThat(statuses("container-requests-equal-limits", yaml)).containsExactly(Status.FAIL);
      assertThat(statuses("container-resource-range", Map.of("cpuLimitMax", "500m"), yaml))
          .containsExactly(Status.FAIL);
      assertThat(Manifests.findings("container-requests-equal-limits", yaml).get(0).message())
          .contains("cpu 0.5/1");
    }

    @Test
    @DisplayName("the same probe endpoint passes when liveness is more patient than readiness")
    void identicalProbes() {
      String patient =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  readinessProbe: {httpGet: {path: /healthz, port: 8080}}
                  livenessProbe: {httpGet: {path: /healthz, port: 8080}, failureThreshold: 6}
              """);
      assertThat(statuses("container-probes-identical", patient)).containsExactly(Status.PASS);
      assertThat(
              statuses("container-probes-identical", patient.replace(", failureThreshold: 6", "")))
          .containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("an undeclared probe port number passes; an undeclared port name fails")
    void probePorts() {
      String number =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  livenessProbe: {tcpSocket: {port: 8080}}
              """);
      assertThat(statuses("container-probe-port-exposed", number)).containsExactly(Status.PASS);
      assertThat(statuses("container-probe-port-exposed", number.replace("8080", "http")))
          .containsExactly(Status.FAIL);
    }
  }

  @Nested
  @DisplayName("workloads")
  class Workloads {
    @Test
    @DisplayName("replicas: unset means 1 and fails, 0 is a deliberate scale-down and passes")
    void replicas() {
      String two = deployment("containers: [{name: app, image: registry.example.com/app:1}]\n");
      assertThat(statuses("workload-replicas", two)).containsExactly(Status.PASS);
      assertThat(statuses("workload-replicas", two.replace("  replicas: 2\n", "")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("workload-replicas", two.replace("replicas: 2", "replicas: 0")))
          .containsExactly(Status.PASS);
      assertThat(statuses("workload-replicas", Map.of("minReplicas", 3), two))
          .containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName(
        "restartPolicy OnFailure in a Deployment fails: the API server accepts only Always")
    void restartPolicy() {
      String onFailure =
          deployment(
              """
              restartPolicy: OnFailure
              containers: [{name: app, image: registry.example.com/app:1}]
              """);
      assertThat(statuses("workload-restart-policy", onFailure)).containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("unquoted YAML booleans and numbers are not label values")
    void labelValueTypes() {
      String yaml =
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: flags
            namespace: shop
            labels: {canary: true}
          """;
      assertThat(statuses("label-values-valid", yaml)).containsExactly(Status.FAIL);
      assertThat(statuses("label-values-valid", yaml.replace("true", "\"true\"")))
          .containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("an Ingress wildcard TLS host covers one label, not two")
    void ingressWildcard() {
      String yaml =
          """
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: shop, namespace: shop}
          spec:
            tls: [{hosts: ["*.example.com"], secretName: wildcard}]
            rules: [{host: HOST}]
          """;
      assertThat(statuses("ingress-tls", yaml.replace("HOST", "shop.example.com")))
          .containsExactly(Status.PASS);
      assertThat(statuses("ingress-tls", yaml.replace("HOST", "api.shop.example.com")))
          .containsExactly(Status.FAIL);
    }

    @Test
    @DisplayName("removed APIs fail only at or after the configured Kubernetes version")
    void removedApiVersion() {
      String yaml =
          """
          apiVersion: policy/v1beta1
          kind: PodDisruptionBudget
          metadata: {name: api, namespace: shop}
          spec: {maxUnavailable: 1}
          """;
      assertThat(statuses("api-deprecated", yaml)).containsExactly(Status.FAIL);
      assertThat(statuses("api-deprecated", Map.of("kubernetesVersion", "1.24"), yaml))
          .containsExactly(Status.PASS);
      assertThat(statuses("api-deprecated", Map.of("kubernetesVersion", "1.25"), yaml))
          .containsExactly(Status.FAIL);
    }
  }

  @Nested
  @DisplayName("secrets in configuration")
  class Secrets {
    @Test
    @DisplayName("a $(VAR) reference, a number or a *_FILE name is not a literal secret")
    void notLiteralSecrets() {
      String yaml =
          deployment(
              """
              containers:
                - name: app
                  image: registry.example.com/app:1
                  env:
                    - {name: API_TOKEN, value: $(TOKEN_FROM_SECRET)}
                    - {name: TOKEN_TTL, value: "3600"}
                    - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
              """);
      assertThat(statuses("container-env-secret-literal", yaml)).containsExactly(Status.PASS);
      assertThat(
              statuses(
                  "container-env-secret-literal",
                  yaml.replace("$(TOKEN_FROM_SECRET)", "ghp_0123456789abcdef")))
          .containsExactly(Status.FAIL);
    }
  }

  @Nested
  @DisplayName("hostPath volumes")
  class HostPaths {
    private String hostPath(String path) {
      return deployment(
          """
          volumes: [{name: host, hostPath: {path: %s}}]
          containers: [{name: app, image: registry.example.com/app:1}]
          """
              .formatted(path));
    }

    @Test
    @DisplayName(
        "a path below a system directory is sensitive; a name that only starts alike is not")
    void sensitiveBelow() {
      assertThat(statuses("pod-sensitive-hostpath", hostPath("/etc/kubernetes/manifests")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("pod-sensitive-hostpath", hostPath("/etcd-backup")))
          .containsExactly(Status.PASS);
      assertThat(statuses("pod-sensitive-hostpath", hostPath("/var/log")))
          .containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("the directory holding the runtime socket exposes it too")
    void runtimeSocketDirectory() {
      assertThat(statuses("pod-container-runtime-socket", hostPath("/var/run/")))
          .containsExactly(Status.FAIL);
      assertThat(
              statuses(
                  "pod-container-runtime-socket", hostPath("/run/k3s/containerd/containerd.sock")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("pod-container-runtime-socket", hostPath("/var/run/app")))
          .containsExactly(Status.PASS);
    }

    @Test
    @DisplayName("mounting a directory above a cloud credential file exposes the file")
    void cloudCredentialAncestor() {
      assertThat(statuses("pod-mount-cloud-credentials", hostPath("/etc/kubernetes")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("pod-mount-cloud-credentials", hostPath("/home/ci/.aws/credentials")))
          .containsExactly(Status.FAIL);
      assertThat(statuses("pod-mount-cloud-credentials", hostPath("/etc/ssl/certs")))
          .containsExactly(Status.PASS);
    }
  }
}
