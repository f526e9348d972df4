package io.kubeattest.sources.node;

import io.kubeattest.sources.node.ComponentDetector.Detection;
import io.kubeattest.sources.node.ComponentDetector.Supervisor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Collects the facts of one node as a JSON-like tree ({@code Map<String,Object>}, {@code
 * List<Object>}, String, Long, Double, Boolean; never null) whose shape is the contract documented
 * in {@code docs/node-facts.md}: running components and their flags, the kubelet's and kube-proxy's
 * effective settings, the files the CIS checks name with mode and ownership, parsed config files,
 * versions and the targets that apply.
 *
 * <p>Nothing is executed on the node. Host paths are read under {@code root} with chroot semantics
 * (see {@link HostFileSystem}); processes under {@code proc}. A missing file is a fact ({@code
 * exists: false}); a file or process that cannot be read or parsed is an entry under {@code errors}
 * naming its path, and collection goes on. Instances are immutable and thread-safe; each {@link
 * #collect()} reads the node afresh.
 */
public final class NodeFactsCollector {
  /** The {@code schema} value of the facts tree; changes when the shape changes incompatibly. */
  public static final String SCHEMA = "kubeattest.io/node-facts/v1";

  private final Path root;
  private final Path proc;
  private final NodeOverrides overrides;
  private final ReadLimits limits;

  /**
   * A collector for the host mounted at {@code root} with processes under {@code proc}.
   *
   * @param root the host's root directory ({@code /}, or {@code /host} in a pod)
   * @param proc the proc directory ({@code /proc}, or a fixture laid out like it)
   */
  public NodeFactsCollector(Path root, Path proc, NodeOverrides overrides, ReadLimits limits) {
    this.root = root;
    this.proc = proc;
    this.overrides = overrides;
    this.limits = limits;
  }

  /** A collector with no overrides and the default limits. */
  public NodeFactsCollector(Path root, Path proc) {
    this(root, proc, NodeOverrides.NONE, ReadLimits.DEFAULT);
  }

  /**
   * Reads the node.
   *
   * @throws NodeFactsException when {@code root} or {@code proc} is not a directory
   */
  public Map<String, Object> collect() {
    CollectionErrors errors = new CollectionErrors();
    HostFileSystem fs = new HostFileSystem(root);
    if (!Files.isDirectory(proc)) {
      throw new NodeFactsException(
          "proc directory "
              + proc
              + " is not a directory (expected /proc or a copy of its layout)");
    }
    ProcessTable table = ProcessTable.read(proc, limits, errors);
    HostFiles files = new HostFiles(fs, limits, errors);

    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("schema", SCHEMA);
    facts.put("root", root.toString());
    facts.put("proc", proc.toString());
    byte[] hostname = files.readText("/etc/hostname");
    if (hostname != null) {
      facts.put("hostname", new String(hostname, StandardCharsets.UTF_8).strip());
    }

    ComponentDetector detector = new ComponentDetector(overrides);
    Map<Component, Detection> dedicated = detector.detect(table.processes());
    Detection supervisor = detector.supervisor(table.processes()).orElse(null);
    ParsedFlags fileFlags = ParsedFlags.EMPTY;
    ParsedFlags commandLine = ParsedFlags.EMPTY;
    Supervisor kind = null;
    if (supervisor != null) {
      kind = supervisorOf(supervisor);
      fileFlags = SupervisorConfigReader.flags(files, kind.configPath());
      commandLine = FlagParser.parse(supervisor.flagTokens());
      facts.put("supervisor", supervisorFact(supervisor, kind, fileFlags.then(commandLine)));
    }
    ParsedFlags supervisorFlags = fileFlags.then(commandLine);

    Map<Component, SupervisorArgs.Merged> flagsOf = new EnumMap<>(Component.class);
    Map<Component, Map<String, String>> settingsOf = new EnumMap<>(Component.class);
    Map<String, Object> components = new LinkedHashMap<>();
    for (Component component : Component.values()) {
      Detection detection = dedicated.get(component);
      Map<String, Object> fact;
      SupervisorArgs.Merged merged = new SupervisorArgs.Merged(ParsedFlags.EMPTY, Map.of());
      Map<String, String> env = Map.of();
      EtcdConfigFile.Applied etcdFile = null;
      if (detection != null) {
        merged =
            SupervisorArgs.ownProcess(
                kind, component, FlagParser.parse(detection.flagTokens()), supervisorFlags);
        if (!component.envPrefix().isEmpty()) {
          env = table.environment(detection.process().pid(), component.envPrefix(), errors);
        }
        if (component == Component.ETCD) {
          etcdFile = EtcdConfigFile.ofProcess(files, merged.flags(), env);
          merged = etcdFile == null ? merged : etcdFile.flags();
        }
        fact = ComponentFacts.ofProcess(detection, merged, env);
      } else if (supervisor != null && kind != null && kind.embeds(component, supervisorFlags)) {
        if (component == Component.ETCD) {
          etcdFile = EtcdConfigFile.ofEmbedded(files, kind, supervisorFlags);
          merged = etcdFile.flags();
        } else {
          merged = SupervisorArgs.embedded(kind, component, fileFlags, commandLine);
        }
        fact = ComponentFacts.ofEmbedded(supervisor, merged);
      } else {
        fact = ComponentFacts.notRunning();
      }
      if (etcdFile != null) {
        fact.put("configFile", etcdFile.fact());
      }
      // etcd given a config file ignores its environment as well as its other flags
      Map<String, String> settingsEnv = etcdFile == null ? env : Map.of();
      ParsedFlags flags = merged.flags();
      flagsOf.put(component, merged);
      settingsOf.put(component, ComponentFacts.settings(flags, settingsEnv, component.envPrefix()));
      fact.put(
          "settings",
          new LinkedHashMap<String, Object>(
              ComponentFacts.settings(
                  ComponentFacts.redacted(flags), settingsEnv, component.envPrefix())));
      components.put(component.key(), fact);
    }
    facts.put("targets", targets(components));
    facts.put("components", components);

    PathResolution paths = new PathResolution(overrides, files);
    Map<String, Object> kubelet =
        configuredFacts(
            paths,
            files,
            PathRole.KUBELET_CONFIG,
            Objects.requireNonNull(flagsOf.get(Component.KUBELET)),
            Setting.KUBELET,
            PathRole.KUBELET_CONFIG.candidates().get(0));
    facts.put("kubelet", kubelet);
    Map<String, Object> proxy =
        configuredFacts(
            paths,
            files,
            PathRole.PROXY_CONFIG,
            Objects.requireNonNull(flagsOf.get(Component.PROXY)),
            Setting.PROXY,
            null);
    facts.put("proxy", proxy);

    paths.resolveAll(settingsOf, kubelet, proxy);
    paths.paths().forEach((role, path) -> files.stat(path, role.listEntries()));
    statReferencedFiles(files, settingsOf, kubelet);

    facts.put("paths", paths.pathFacts());
    facts.put("pathSources", paths.sourceFacts());
    facts.put("files", files.facts());
    facts.put("fileOf", fileOf(paths.pathFacts(), files.facts()));
    facts.put("manifests", manifests(files, paths));
    Map<String, Object> configs = new LinkedHashMap<>();
    for (PathRole role :
        List.of(
            PathRole.ENCRYPTION_PROVIDER_CONFIG,
            PathRole.ADMISSION_CONTROL_CONFIG,
            PathRole.AUDIT_POLICY)) {
      String path = paths.paths().get(role);
      Map<String, Object> tree = path == null ? null : files.readTree(path);
      if (tree != null) {
        configs.put(role.key(), tree);
      }
    }
    facts.put("configs", configs);
    facts.put(
        "encryption", EncryptionSummary.of(configs.get(PathRole.ENCRYPTION_PROVIDER_CONFIG.key())));
    facts.put("versions", versions(facts));
    facts.put("errors", errors.facts());
    return facts;
  }

  /**
   * {@code {configPath?, configPathSource, configExists, configLoaded, config, effective}} for the
   * kubelet or kube-proxy: the config file is the override, else the component's {@code --config}
   * flag, else {@code defaultPath}.
   */
  private Map<String, Object> configuredFacts(
      PathResolution paths,
      HostFiles files,
      PathRole role,
      SupervisorArgs.Merged merged,
      List<Setting> settings,
      @Nullable String defaultPath) {
    ParsedFlags flags = merged.flags();
    Map<String, Object> fact = new LinkedHashMap<>();
    String override = overrides.paths().get(role);
    String fromFlag =
        SupervisorArgs.isDefault(merged.sources().getOrDefault("config", SupervisorArgs.FLAG))
            ? null
            : flags.last("config");
    String path;
    String source;
    if (override != null) {
      path = override;
      source = "override";
    } else if (fromFlag != null) {
      path = absolute(fromFlag);
      source = "flag";
    } else {
      path = defaultPath;
      source = defaultPath == null ? "none" : "default";
    }
    Map<String, Object> config = null;
    if (path != null) {
      paths.fix(role, path, source);
      fact.put("configPath", path);
      fact.put("configExists", files.exists(path));
      config = files.readTree(path);
    } else {
      fact.put("configExists", false);
    }
    fact.put("configPathSource", source);
    fact.put("configLoaded", config != null);
    fact.put("config", config == null ? new LinkedHashMap<String, Object>() : config);
    fact.put(
        "effective",
        EffectiveSettingsResolver.resolve(
            settings, merged, config == null ? Map.of() : config, path == null ? "" : path));
    return fact;
  }

  /**
   * Role to the file fact of its path (the same fact as under {@code files}), so that a check can
   * name a file by role ({@code node.fileOf.apiserverManifest.mode}) and its evidence path is
   * fixed.
   */
  private static Map<String, Object> fileOf(
      Map<String, Object> pathFacts, Map<String, Object> fileFacts) {
    Map<String, Object> byRole = new LinkedHashMap<>();
    pathFacts.forEach(
        (role, path) -> {
          Object fact = fileFacts.get(String.valueOf(path));
          if (fact != null) {
            byRole.put(role, fact);
          }
        });
    return byRole;
  }

  private static void statReferencedFiles(
      HostFiles files,
      Map<Component, Map<String, String>> settingsOf,
      Map<String, Object> kubelet) {
    for (Component component : Component.values()) {
      Map<String, String> settings = settingsOf.getOrDefault(component, Map.of());
      for (String flag : component.pathFlags()) {
        String value = settings.get(flag);
        if (value != null && !value.isBlank()) {
          files.stat(absolute(value), false);
        }
      }
    }
    if (kubelet.get("effective") instanceof Map<?, ?> effective) {
      for (String key :
          List.of("tlsCertFile", "tlsPrivateKeyFile", "authentication.x509.clientCAFile")) {
        if (effective.get(key) instanceof Map<?, ?> setting
            && setting.get("value") instanceof String value
            && !value.isBlank()) {
          files.stat(absolute(value), false);
        }
      }
    }
  }

  private static Map<String, Object> manifests(HostFiles files, PathResolution paths) {
    Map<String, Object> manifests = new LinkedHashMap<>();
    Map<Component, PathRole> roles =
        Map.of(
            Component.APISERVER, PathRole.APISERVER_MANIFEST,
            Component.CONTROLLER_MANAGER, PathRole.CONTROLLER_MANAGER_MANIFEST,
            Component.SCHEDULER, PathRole.SCHEDULER_MANIFEST,
            Component.ETCD, PathRole.ETCD_MANIFEST);
    for (Component component : Component.values()) {
      PathRole role = roles.get(component);
      String path = role == null ? null : paths.paths().get(role);
      Map<String, Object> manifest = path == null ? null : files.readTree(path);
      if (path != null && manifest != null) {
        manifests.put(component.key(), StaticPodManifestReader.summarise(path, manifest));
      }
    }
    return manifests;
  }

  private Map<String, Object> versions(Map<String, Object> facts) {
    Map<String, Object> versions = new LinkedHashMap<>();
    for (Component component : Component.values()) {
      String override = overrides.versions().get(component);
      String version = null;
      String source = null;
      if (override != null) {
        version = override;
        source = "override";
      } else if (facts.get("manifests") instanceof Map<?, ?> manifests
          && manifests.get(component.key()) instanceof Map<?, ?> manifest
          && manifest.get("version") instanceof String tag) {
        version = tag;
        source = "manifest-image";
      }
      if (version != null) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("version", version);
        fact.put("source", source);
        versions.put(component.key(), fact);
      }
    }
    return versions;
  }

  private static List<Object> targets(Map<String, Object> components) {
    List<Object> targets = new ArrayList<>();
    boolean apiserver = running(components, Component.APISERVER);
    if (apiserver
        || running(components, Component.CONTROLLER_MANAGER)
        || running(components, Component.SCHEDULER)) {
      targets.add("master");
    }
    if (apiserver) {
      targets.add("controlplane");
    }
    if (running(components, Component.ETCD)) {
      targets.add("etcd");
    }
    if (running(components, Component.KUBELET)) {
      targets.add("node");
    }
    return targets;
  }

  private static boolean running(Map<String, Object> components, Component component) {
    return components.get(component.key()) instanceof Map<?, ?> fact
        && Boolean.TRUE.equals(fact.get("running"));
  }

  private static Supervisor supervisorOf(Detection detection) {
    for (Supervisor supervisor : Supervisor.values()) {
      if (supervisor.bin().equals(detection.bin())) {
        return supervisor;
      }
    }
    throw new IllegalStateException("no supervisor named " + detection.bin());
  }

  private static Map<String, Object> supervisorFact(
      Detection detection, Supervisor kind, ParsedFlags flags) {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("name", kind.bin());
    fact.put("pid", detection.process().pid());
    fact.put("configPath", kind.configPath());
    ParsedFlags shown = ComponentFacts.redacted(flags);
    fact.put("flags", shown.multiFacts());
    fact.put("flag", shown.scalarFacts());
    return fact;
  }

  /** Flag paths are host paths; a relative one is taken relative to {@code /}. */
  static String absolute(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }
}
