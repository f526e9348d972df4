package io.kubeattest.sources.node;

import io.kubeattest.sources.node.ComponentDetector.Supervisor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * etcd's configuration file read as the flags etcd takes from it: the file an etcd process names
 * with {@code --config-file} (or {@code ETCD_CONFIG_FILE}), and the file a k3s or rke2 server
 * writes for its embedded etcd ({@code <data-dir>/server/db/etcd/config}).
 *
 * <p>When etcd is given such a file it reads that file <em>instead of</em> its command line and
 * environment, so the other flags and {@code ETCD_*} variables of the process do not count and are
 * listed as ignored. Top-level keys are flag names ({@code data-dir}, {@code listen-client-urls});
 * a list becomes one comma-separated value, as on etcd's command line. The TLS settings are nested:
 * {@code client-transport-security.<key>} is the flag {@code --<key>} and {@code
 * peer-transport-security.<key>} the flag {@code --peer-<key>}, for the keys {@code cert-file},
 * {@code key-file}, {@code client-cert-file}, {@code client-key-file}, {@code client-cert-auth},
 * {@code trusted-ca-file} and {@code auto-tls}. etcd reads those only inside their section, so a
 * top-level key with one of their flag names (k3s writes an {@code --etcd-arg} there) is left out.
 */
final class EtcdConfigFile {
  /** The source of a value read from the file: {@code etcd config file <path>}. */
  static final String LABEL = "etcd config file";

  private static final List<String> SECURITY_KEYS =
      List.of(
          "cert-file",
          "key-file",
          "client-cert-file",
          "client-key-file",
          "client-cert-auth",
          "trusted-ca-file",
          "auto-tls");

  /** Section name to the prefix its keys take as flags. */
  private static final Map<String, String> SECTIONS =
      Map.of("client-transport-security", "", "peer-transport-security", "peer-");

  /**
   * The flags etcd runs with, each with its source, and the {@code components.etcd.configFile}
   * fact.
   */
  record Applied(SupervisorArgs.Merged flags, Map<String, Object> fact) {
    Applied {
      fact = new LinkedHashMap<>(fact);
    }
  }

  private EtcdConfigFile() {}

  /**
   * For an etcd process of its own: the file named by its {@code --config-file} flag, else by its
   * {@code ETCD_CONFIG_FILE} variable (etcd's own order); null when it names none.
   */
  static @Nullable Applied ofProcess(
      HostFiles files, ParsedFlags commandLine, Map<String, String> env) {
    String flag = commandLine.last("config-file");
    if (flag != null && !flag.isBlank()) {
      return read(files, NodeFactsCollector.absolute(flag), "--config-file", false, commandLine);
    }
    String variable = env.get("ETCD_CONFIG_FILE");
    if (variable != null && !variable.isBlank()) {
      return read(
          files, NodeFactsCollector.absolute(variable), "ETCD_CONFIG_FILE", false, commandLine);
    }
    return null;
  }

  /**
   * For etcd embedded in a k3s or rke2 server: the file the server writes under its {@code
   * --data-dir} or {@code -d} (default {@code /var/lib/rancher/<k3s|rke2>}) and starts etcd from.
   * Its {@code --etcd-arg} values are written into that file, so the file is all there is to read.
   */
  static Applied ofEmbedded(HostFiles files, Supervisor kind, ParsedFlags supervisorFlags) {
    String dataDir = supervisorFlags.last("data-dir");
    if (dataDir == null) {
      dataDir = supervisorFlags.last("d");
    }
    String base =
        dataDir == null || dataDir.isBlank()
            ? "/var/lib/rancher/" + kind.program()
            : NodeFactsCollector.absolute(SupervisorArgs.stripSlash(dataDir));
    return read(files, base + "/server/db/etcd/config", kind.bin(), true, ParsedFlags.EMPTY);
  }

  private static Applied read(
      HostFiles files, String hostPath, String namedBy, boolean embedded, ParsedFlags commandLine) {
    String source = LABEL + " " + hostPath;
    List<String> tokens = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    String flag = commandLine.last("config-file");
    if (flag != null) {
      tokens.add("--config-file=" + flag);
      sources.put("config-file", SupervisorArgs.FLAG);
    }
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("path", hostPath);
    fact.put("namedBy", namedBy);
    String origin =
        embedded ? "written by " + namedBy + " for its embedded etcd" : "named by " + namedBy;
    boolean exists = files.exists(hostPath);
    Map<String, Object> tree = exists ? files.readTree(hostPath) : null;
    if (!exists) {
      files.problem(hostPath, "etcd config file not found (" + origin + ")");
    }
    fact.put("loaded", tree != null);
    if (tree == null) {
      fact.put(
          "error",
          "etcd config file ("
              + origin
              + ") "
              + (exists ? "not read: " + files.problemOf(hostPath) : "not found")
              + "; etcd takes its settings from that file only");
    } else {
      settings(tree)
          .forEach(
              (name, value) -> {
                tokens.add("--" + name + "=" + value);
                sources.put(name, source);
              });
    }
    List<Object> ignored = new ArrayList<>();
    commandLine.values().keySet().stream()
        .filter(n -> !n.equals("config-file"))
        .forEach(ignored::add);
    fact.put("ignoredFlags", ignored);
    return new Applied(new SupervisorArgs.Merged(FlagParser.parse(tokens), sources), fact);
  }

  /** The file's settings as flag name to value, in file order. */
  static Map<String, String> settings(Map<String, Object> tree) {
    Map<String, String> settings = new LinkedHashMap<>();
    tree.forEach(
        (key, value) -> {
          String prefix = SECTIONS.get(key);
          if (prefix != null && value instanceof Map<?, ?> section) {
            for (String securityKey : SECURITY_KEYS) {
              Object nested = section.get(securityKey);
              if (nested != null && !(nested instanceof Map) && !(nested instanceof List)) {
                settings.put(prefix + securityKey, String.valueOf(nested));
              }
            }
          } else if (!isSecurityFlag(key) && !(value instanceof Map)) {
            settings.put(key, text(value));
          }
        });
    return settings;
  }

  private static boolean isSecurityFlag(String name) {
    String key = name.startsWith("peer-") ? name.substring("peer-".length()) : name;
    return SECURITY_KEYS.contains(key);
  }

  private static String text(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = list.stream().map(String::valueOf).toList();
      return String.join(",", items);
    }
    return String.valueOf(value);
  }
}
