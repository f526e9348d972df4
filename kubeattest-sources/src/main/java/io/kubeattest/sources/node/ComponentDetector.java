package io.kubeattest.sources.node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds which components run on a node from its process table.
 *
 * <p>A process matches a process name such as {@code "hyperkube apiserver"} when its program (the
 * basename of argv[0], or the kernel's {@code comm}) is the first word and the further words follow
 * as argv[1], argv[2], ... The component's flags start after those words. A shell that merely
 * mentions a name in its arguments does not match (kube-bench's {@code ps | grep} does). For each
 * component the names are tried in order and the lowest pid of the first name that runs wins; all
 * matching pids are kept.
 *
 * <p>Supervisors ({@code k3s server|agent}, {@code rke2 server|agent}) embed components in one
 * process. A component with no process of its own but a running supervisor that embeds it is
 * reported as running, embedded in the supervisor.
 */
public final class ComponentDetector {

  /** A process found for a component or a supervisor. */
  public record Detection(ProcessInfo process, String bin, List<Long> pids) {
    /** Copies pids. */
    public Detection {
      pids = List.copyOf(pids);
    }

    /** The argv tokens after the program and its sub-command words. */
    public List<String> flagTokens() {
      int words = bin.trim().split(" +", -1).length;
      List<String> argv = process.argv();
      return argv.subList(Math.min(words, argv.size()), argv.size());
    }
  }

  /** A process that runs several components. */
  public enum Supervisor {
    K3S_SERVER("k3s server", "/etc/rancher/k3s/config.yaml", true),
    K3S_AGENT("k3s agent", "/etc/rancher/k3s/config.yaml", false),
    RKE2_SERVER("rke2 server", "/etc/rancher/rke2/config.yaml", true),
    RKE2_AGENT("rke2 agent", "/etc/rancher/rke2/config.yaml", false);

    private final String bin;
    private final String configPath;
    private final boolean server;

    Supervisor(String bin, String configPath, boolean server) {
      this.bin = bin;
      this.configPath = configPath;
      this.server = server;
    }

    /** The process name. */
    public String bin() {
      return bin;
    }

    /** The program, {@code k3s} or {@code rke2}. */
    public String program() {
      return bin.substring(0, bin.indexOf(' '));
    }

    /** How a value from its config file is labelled as a source: {@code "k3s config file"}. */
    String configLabel() {
      return program() + " config file";
    }

    /** The host path of its config file (flags as YAML keys). */
    public String configPath() {
      return configPath;
    }

    /**
     * Whether it embeds {@code component}; etcd only on a server started with {@code
     * --cluster-init} or given {@code --etcd-arg} (otherwise k3s uses its SQLite datastore).
     */
    boolean embeds(Component component, ParsedFlags flags) {
      return switch (component) {
        case KUBELET, PROXY -> true;
        case APISERVER, CONTROLLER_MANAGER, SCHEDULER -> server;
        case ETCD -> server && (flags.has("cluster-init") || flags.has("etcd-arg"));
      };
    }
  }

  private final NodeOverrides overrides;

  /** A detector using the overrides' process names where given. */
  public ComponentDetector(NodeOverrides overrides) {
    this.overrides = overrides;
  }

  /** The process of each component that has its own process. */
  public Map<Component, Detection> detect(List<ProcessInfo> processes) {
    Map<Component, Detection> found = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      Detection detection = first(processes, overrides.binsOf(component));
      if (detection != null) {
        found.put(component, detection);
      }
    }
    return found;
  }

  /** The supervisor process, if any. */
  public Optional<Detection> supervisor(List<ProcessInfo> processes) {
    List<String> bins = new ArrayList<>();
    for (Supervisor supervisor : Supervisor.values()) {
      bins.add(supervisor.bin());
    }
    return Optional.ofNullable(first(processes, bins));
  }

  /** Whether {@code process} is an instance of the process name {@code bin}. */
  public static boolean matches(ProcessInfo process, String bin) {
    String[] words = bin.trim().split(" +", -1);
    String program = process.program();
    boolean programMatches =
        program.equals(words[0])
            || (!process.comm().isEmpty()
                && process.comm().equals(words[0].substring(0, Math.min(15, words[0].length()))));
    if (!programMatches || process.argv().size() < words.length) {
      return false;
    }
    for (int i = 1; i < words.length; i++) {
      if (!process.argv().get(i).equals(words[i])) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Detection first(List<ProcessInfo> processes, List<String> bins) {
    for (String bin : bins) {
      List<ProcessInfo> matching = new ArrayList<>();
      for (ProcessInfo process : processes) {
        if (matches(process, bin)) {
          matching.add(process);
        }
      }
      if (!matching.isEmpty()) {
        List<Long> pids = matching.stream().map(ProcessInfo::pid).toList();
        return new Detection(matching.get(0), bin.trim(), pids);
      }
    }
    return null;
  }
}
