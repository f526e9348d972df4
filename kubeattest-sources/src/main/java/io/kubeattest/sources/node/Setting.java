package io.kubeattest.sources.node;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One setting a component reads from a flag or from its config file, with the precedence "flag,
 * else config file". For a feature gate, {@code flag} is {@code feature-gates} and {@code
 * configKey} is {@code featureGates.<Gate>}.
 *
 * @param configKey the dotted path of the field in the config file; also the setting's key under
 *     {@code effective}
 * @param flag the command-line flag name, without dashes
 * @param type how flag text is converted to the config file's type
 */
record Setting(String configKey, String flag, Type type) {

  /** How a value is typed in the facts tree. */
  enum Type {
    /** Boolean; flag text as Go's strconv.ParseBool reads it. */
    BOOL,
    /** Long. */
    INT,
    /** String, including durations such as {@code 4h0m0s}. */
    STRING,
    /** List of strings; flag text is a comma list. */
    LIST,
    /** Boolean feature gate inside {@code --feature-gates=A=true,B=false}. */
    FEATURE_GATE
  }

  /** The settings of the kubelet that CIS checks read (plus close neighbours). */
  static final List<Setting> KUBELET =
      List.of(
          new Setting("authentication.anonymous.enabled", "anonymous-auth", Type.BOOL),
          new Setting("authentication.webhook.enabled", "authentication-token-webhook", Type.BOOL),
          new Setting("authentication.x509.clientCAFile", "client-ca-file", Type.STRING),
          new Setting("authorization.mode", "authorization-mode", Type.STRING),
          new Setting("readOnlyPort", "read-only-port", Type.INT),
          new Setting(
              "streamingConnectionIdleTimeout", "streaming-connection-idle-timeout", Type.STRING),
          new Setting("protectKernelDefaults", "protect-kernel-defaults", Type.BOOL),
          new Setting("makeIPTablesUtilChains", "make-iptables-util-chains", Type.BOOL),
          new Setting("eventRecordQPS", "event-qps", Type.INT),
          new Setting("tlsCertFile", "tls-cert-file", Type.STRING),
          new Setting("tlsPrivateKeyFile", "tls-private-key-file", Type.STRING),
          new Setting("tlsCipherSuites", "tls-cipher-suites", Type.LIST),
          new Setting("tlsMinVersion", "tls-min-version", Type.STRING),
          new Setting("rotateCertificates", "rotate-certificates", Type.BOOL),
          new Setting("serverTLSBootstrap", "rotate-server-certificates", Type.BOOL),
          new Setting(
              "featureGates.RotateKubeletServerCertificate", "feature-gates", Type.FEATURE_GATE),
          new Setting("podPidsLimit", "pod-max-pids", Type.INT),
          new Setting("seccompDefault", "seccomp-default", Type.BOOL),
          new Setting("staticPodPath", "pod-manifest-path", Type.STRING));

  /** The settings of kube-proxy that CIS checks read. */
  static final List<Setting> PROXY =
      List.of(
          new Setting("metricsBindAddress", "metrics-bind-address", Type.STRING),
          new Setting("healthzBindAddress", "healthz-bind-address", Type.STRING),
          new Setting("clientConnection.kubeconfig", "kubeconfig", Type.STRING));

  /** The feature gate's name, or null when this is not a gate. */
  @Nullable String gate() {
    return type == Type.FEATURE_GATE ? configKey.substring(configKey.indexOf('.') + 1) : null;
  }
}
