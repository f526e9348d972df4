package io.kubeattest.sources.cluster;

/**
 * What was scanned: the API server's URL, the kubeconfig context (empty in-cluster or when none is
 * named) and the server's version ({@code gitVersion}, empty when the server did not say).
 */
public record ClusterInfo(String server, String context, String version) {
  /** {@code server (context, version)}, the input line of a scan. */
  public String display() {
    StringBuilder line = new StringBuilder(server);
    if (!context.isEmpty() || !version.isEmpty()) {
      line.append(" (");
      line.append(context.isEmpty() ? "" : "context " + context);
      line.append(!context.isEmpty() && !version.isEmpty() ? ", " : "");
      line.append(version.isEmpty() ? "" : "Kubernetes " + version);
      line.append(')');
    }
    return line.toString();
  }
}
