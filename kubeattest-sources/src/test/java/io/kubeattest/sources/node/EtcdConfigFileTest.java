package io.kubeattest.sources.node;

import static io.kubeattest.sources.node.Facts.at;
import static io.kubeattest.sources.node.Facts.list;
import static io.kubeattest.sources.node.Facts.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.rules.RuleLoader;
import io.kubeattest.engine.scan.RuleEvaluator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * etcd given a configuration file reads its settings from that file only (its other flags and
 * environment are ignored): CIS section 2 reads the file, names it as the source of every value,
 * and never passes on a file it could not read.
 */
@DisplayName(
    "etcd config file: section 2 reads etcd's --config-file and k3s's embedded etcd config")
class EtcdConfigFileTest {
  private static final List<String> SECTION_2 =
      List.of("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7");
  private static final String CONFIG = "/etc/etcd/etcd.conf.yml";
  private static final String SOURCE = " (etcd config file " + CONFIG + ")";
  private static final String K3S_SOURCE =
      " (etcd config file " + NodeTreeFixture.K3S_ETCD_CONFIG_PATH + ")";

  private static final String GOOD =
      """
      name: cp-1
      data-dir: /var/lib/etcd
      listen-client-urls: https://127.0.0.1:2379,https://10.0.0.11:2379
      log-outputs: [stderr]
      client-transport-security:
        cert-file: /etc/kubernetes/pki/etcd/server.crt
        key-file: /etc/kubernetes/pki/etcd/server.key
        client-cert-auth: true
        trusted-ca-file: /etc/kubernetes/pki/etcd/ca.crt
        auto-tls: false
      peer-transport-security:
        cert-file: /etc/kubernetes/pki/etcd/peer.crt
        key-file: /etc/kubernetes/pki/etcd/peer.key
        client-cert-auth: true
        trusted-ca-file: /etc/kubernetes/pki/etcd/ca.crt
        auto-tls: false
      """;

  /**
   * Client and peer authentication off and self-signed TLS on; the top-level TLS keys (where k3s
   * writes an {@code --etcd-arg}) are not read by etcd and must not rescue it.
   */
  private static final String BAD =
      """
      name: cp-1
      data-dir: /var/lib/etcd
      client-cert-auth: true
      auto-tls: false
      peer-client-cert-auth: true
      cert-file: /etc/kubernetes/pki/etcd/server.crt
      client-transport-security:
        client-cert-auth: false
        auto-tls: true
      peer-transport-security:
        client-cert-auth: false
        auto-tls: true
      """;

  /** Flags that would pass every check, were etcd reading its command line. */
  private static final String PASSING_FLAGS =
      " --cert-file=/etc/kubernetes/pki/etcd/server.crt --key-file=/etc/kubernetes/pki/etcd/server.key"
          + " --client-cert-auth=true --auto-tls=false --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt"
          + " --peer-key-file=/etc/kubernetes/pki/etcd/peer.key --peer-client-cert-auth=true"
          + " --peer-auto-tls=false --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt";

  private static RuleCatalogue catalogue;
  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    catalogue = RuleCatalogue.load(RuleLoader.resourceSources("kubeattest/benchmarks/cis-1.12/"));
  }

  private static Map<String, Finding> section2(Map<String, Object> facts) {
    return new RuleEvaluator(catalogue)
        .evaluate(NodeSubjectFactory.subject(facts, "node")).stream()
            .filter(f -> CisBenchmarkVerdictTest.checkId(f.ruleId()).startsWith("2."))
            .collect(Collectors.toMap(f -> CisBenchmarkVerdictTest.checkId(f.ruleId()), f -> f));
  }

  private static Map<String, Status> statuses(Map<String, Finding> findings) {
    Map<String, Status> statuses = new LinkedHashMap<>();
    SECTION_2.forEach(check -> statuses.put(check, findings.get(check).status()));
    return statuses;
  }

  private static Map<String, Status> all(Status status) {
    Map<String, Status> statuses = new LinkedHashMap<>();
    SECTION_2.forEach(check -> statuses.put(check, status));
    return statuses;
  }

  /** A node whose only component is an etcd process with {@code flags}, and {@code CONFIG}. */
  private NodeTreeFixture etcdNode(String name, String flags, @Nullable String config) {
    NodeTreeFixture node = NodeTreeFixture.empty(tmp.resolve(name));
    node.process(1, List.of("/sbin/init"));
    node.process(1052, "etcd", flags);
    if (config != null) {
      node.file(CONFIG, config, "600");
    }
    return node;
  }

  @Test
  @DisplayName("a good config file passes 2.1-2.7 and every value names the file as its source")
  void goodFilePasses() {
    Map<String, Finding> findings =
        section2(etcdNode("good", "--config-file=" + CONFIG, GOOD).collect());
    assertThat(statuses(findings)).isEqualTo(all(Status.PASS));
    assertThat(findings.get("2.1").evidence().value())
        .isEqualTo("--cert-file=/etc/kubernetes/pki/etcd/server.crt" + SOURCE);
    assertThat(findings.get("2.2").evidence().value())
        .isEqualTo("--client-cert-auth=true" + SOURCE);
    assertThat(findings.get("2.3").evidence().value()).isEqualTo("--auto-tls=false" + SOURCE);
    assertThat(findings.get("2.5").evidence().value())
        .isEqualTo("--peer-client-cert-auth=true" + SOURCE);
    assertThat(findings.get("2.7").evidence().value())
        .isEqualTo("--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt" + SOURCE);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2.1 | not set: --cert-file --key-file                 | ",
        "2.2 | --client-cert-auth is false, expected true       | --client-cert-auth=false",
        "2.3 | --auto-tls is true, expected unset or false       | --auto-tls=true",
        "2.4 | not set: --peer-cert-file --peer-key-file       | ",
        "2.5 | --peer-client-cert-auth is false, expected true  | --peer-client-cert-auth=false",
        "2.6 | --peer-auto-tls is true, expected unset or false  | --peer-auto-tls=true",
      })
  @DisplayName(
      "a bad config file fails, and passing command-line flags, environment and top-level keys do not rescue it")
  void badFileFailsWhateverTheCommandLineSays(
      String check, String message, @Nullable String evidence) {
    NodeTreeFixture node = etcdNode("bad", "--config-file " + CONFIG + PASSING_FLAGS, BAD);
    node.environ(1052, "ETCD_CLIENT_CERT_AUTH=true", "ETCD_CERT_FILE=/etc/etcd/server.crt");
    Finding finding = section2(node.collect()).get(check);
    assertThat(finding.status()).as(finding.message()).isEqualTo(Status.FAIL);
    assertThat(finding.message()).isEqualTo(message);
    if (evidence != null) {
      assertThat(finding.evidence().value()).isEqualTo(evidence + SOURCE);
    } else {
      assertThat(finding.evidence().value()).as("the config file is named").isEqualTo(CONFIG);
    }
  }

  @Test
  @DisplayName("the same passing flags without --config-file pass: the file alone made the FAIL")
  void sameFlagsWithoutConfigFilePass() {
    Map<String, Finding> findings = section2(etcdNode("flags", PASSING_FLAGS, null).collect());
    assertThat(statuses(findings)).isEqualTo(all(Status.PASS));
    assertThat(findings.get("2.2").evidence().value()).isEqualTo("--client-cert-auth=true");
  }

  @Test
  @DisplayName(
      "the facts show the file's settings as etcd's flags and list the command-line flags etcd ignores")
  void factsNameTheFileAndTheIgnoredFlags() {
    NodeTreeFixture node = etcdNode("facts", "--config-file=" + CONFIG + PASSING_FLAGS, GOOD);
    node.environ(1052, "ETCD_NAME=from-env");
    Map<String, Object> facts = node.collect();
    Map<String, Object> etcd = Facts.map(facts, "components", "etcd");
    assertThat(at(etcd, "configFile", "path")).isEqualTo(CONFIG);
    assertThat(at(etcd, "configFile", "namedBy")).isEqualTo("--config-file");
    assertThat(at(etcd, "configFile", "loaded")).isEqualTo(true);
    assertThat(list(etcd, "configFile", "ignoredFlags"))
        .contains("client-cert-auth", "peer-auto-tls", "trusted-ca-file")
        .doesNotContain("config-file");
    assertThat(at(etcd, "flagSource", "config-file")).isEqualTo("flag");
    assertThat(at(etcd, "flagSource", "data-dir")).isEqualTo("etcd config file " + CONFIG);
    assertThat(at(etcd, "settings", "name")).as("ETCD_NAME is ignored too").isEqualTo("cp-1");
    assertThat(at(etcd, "settings", "log-outputs")).isEqualTo("stderr");
    assertThat(at(etcd, "settings", "listen-client-urls"))
        .isEqualTo("https://127.0.0.1:2379,https://10.0.0.11:2379");
    assertThat(at(facts, "paths", "etcdDataDir")).isEqualTo("/var/lib/etcd");
  }

  @Test
  @DisplayName("ETCD_CONFIG_FILE in etcd's environment names the file as --config-file does")
  void environmentNamesTheFile() {
    NodeTreeFixture node = etcdNode("env", PASSING_FLAGS, BAD);
    node.environ(1052, "ETCD_CONFIG_FILE=" + CONFIG);
    Map<String, Object> facts = node.collect();
    assertThat(at(facts, "components", "etcd", "configFile", "namedBy"))
        .isEqualTo("ETCD_CONFIG_FILE");
    assertThat(section2(facts).get("2.2").status()).isEqualTo(Status.FAIL);
  }

  @Test
  @DisplayName("k3s --cluster-init: 2.1-2.7 pass on the etcd config k3s writes, and say so")
  void k3sEmbeddedEtcdPasses() {
    Map<String, Object> facts =
        NodeTreeFixture.k3sServerNode(tmp, "", List.of("--cluster-init")).collect();
    Map<String, Finding> findings = section2(facts);
    assertThat(statuses(findings)).isEqualTo(all(Status.PASS));
    assertThat(findings.get("2.2").evidence().value())
        .isEqualTo("--client-cert-auth=true" + K3S_SOURCE);
    assertThat(findings.get("2.4").evidence().value())
        .isEqualTo(
            "--peer-cert-file=/var/lib/rancher/k3s/server/tls/etcd/peer-server-client.crt"
                + K3S_SOURCE);
    assertThat(findings.get("2.7").evidence().value())
        .isEqualTo(
            "--trusted-ca-file=/var/lib/rancher/k3s/server/tls/etcd/server-ca.crt" + K3S_SOURCE);
    assertThat(at(facts, "components", "etcd", "configFile", "namedBy")).isEqualTo("k3s server");
    assertThat(list(facts, "errors")).isEmpty();
  }

  @Test
  @DisplayName(
      "k3s --cluster-init: a file with authentication off fails, whatever --etcd-arg wrote at its top level")
  void k3sEmbeddedEtcdFails() {
    NodeTreeFixture node =
        NodeTreeFixture.k3sServerNode(
            tmp, "", List.of("--cluster-init", "--etcd-arg=client-cert-auth=true"));
    node.file(NodeTreeFixture.K3S_ETCD_CONFIG_PATH, BAD, "600");
    Map<String, Finding> findings = section2(node.collect());
    Map<String, Status> expected = all(Status.FAIL);
    expected.put("2.7", Status.WARN);
    assertThat(statuses(findings)).isEqualTo(expected);
    assertThat(findings.get("2.2").evidence().value())
        .isEqualTo("--client-cert-auth=false" + K3S_SOURCE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"--data-dir=/srv/k3s/", "-d /srv/k3s"})
  @DisplayName("k3s --data-dir (or -d) moves the embedded etcd's config file with it")
  void k3sDataDir(String dataDir) {
    List<String> args = new java.util.ArrayList<>(List.of("--cluster-init"));
    args.addAll(List.of(dataDir.split(" ", -1)));
    NodeTreeFixture node = NodeTreeFixture.k3sServerNode(tmp, "", args);
    node.file("/srv/k3s/server/db/etcd/config", BAD, "600");
    Map<String, Object> facts = node.collect();
    assertThat(at(facts, "components", "etcd", "configFile", "path"))
        .isEqualTo("/srv/k3s/server/db/etcd/config");
    assertThat(section2(facts).get("2.2").status()).isEqualTo(Status.FAIL);
  }

  @Test
  @DisplayName(
      "rke2: the etcd static pod runs with --config-file naming rke2's file, which decides")
  void rke2EtcdStaticPod() {
    String path = "/var/lib/rancher/rke2/server/db/etcd/config";
    NodeTreeFixture node = NodeTreeFixture.rke2ServerNode(tmp, true, "");
    node.process(1100, "etcd", "--config-file=" + path);
    node.file(path, GOOD, "600");
    Map<String, Finding> good = section2(node.collect());
    assertThat(statuses(good)).isEqualTo(all(Status.PASS));
    assertThat(good.get("2.5").evidence().value())
        .isEqualTo("--peer-client-cert-auth=true (etcd config file " + path + ")");
    node.file(path, BAD, "600");
    assertThat(section2(node.collect()).get("2.5").status()).isEqualTo(Status.FAIL);
  }

  @Test
  @DisplayName(
      "a config file that is not YAML: one error naming it, and every check SKIP saying so, none PASS")
  void garbageFileIsSkipped() {
    Map<String, Object> facts =
        etcdNode(
                "garbage",
                "--config-file=" + CONFIG + PASSING_FLAGS,
                "client-transport-security: [\n")
            .collect();
    Map<String, Finding> findings = section2(facts);
    assertThat(statuses(findings)).isEqualTo(all(Status.SKIP));
    assertThat(findings.get("2.3").message())
        .startsWith(CONFIG + ": etcd config file (named by --config-file) not read: not valid YAML")
        .endsWith("; etcd takes its settings from that file only");
    assertThat(findings.get("2.3").evidence().value()).isEqualTo(CONFIG);
    assertThat(maps(facts, "errors")).hasSize(1);
    assertThat(maps(facts, "errors").get(0)).containsEntry("path", CONFIG);
  }

  @Test
  @DisplayName("a missing config file, and k3s's unreadable one, are SKIP with the file named")
  void missingAndUnreadableFilesAreSkipped() {
    Map<String, Object> missing =
        etcdNode("missing", "--config-file=" + CONFIG + PASSING_FLAGS, null).collect();
    assertThat(statuses(section2(missing))).isEqualTo(all(Status.SKIP));
    assertThat(section2(missing).get("2.2").message())
        .isEqualTo(
            CONFIG
                + ": etcd config file (named by --config-file) not found;"
                + " etcd takes its settings from that file only");
    assertThat(maps(missing, "errors"))
        .containsExactly(
            Map.of(
                "path", CONFIG, "message", "etcd config file not found (named by --config-file)"));

    NodeTreeFixture k3s =
        NodeTreeFixture.k3sServerNode(tmp.resolve("k3s"), "", List.of("--cluster-init"));
    k3s.file(NodeTreeFixture.K3S_ETCD_CONFIG_PATH, "- a list, not a mapping\n", "600");
    Map<String, Finding> findings = section2(k3s.collect());
    assertThat(statuses(findings)).isEqualTo(all(Status.SKIP));
    assertThat(findings.get("2.5").message())
        .startsWith(
            NodeTreeFixture.K3S_ETCD_CONFIG_PATH
                + ": etcd config file (written by k3s server for its embedded etcd) not read:");
  }
}
