package io.kubeattest.engine.testing;

import io.kubeattest.engine.config.ScanConfig;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.rules.RuleCatalogue;
import io.kubeattest.engine.scan.ScanListener;
import io.kubeattest.engine.scan.Scanner;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import io.kubeattest.engine.tree.YamlReader;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixture: YAML text in, Kubernetes objects and scan results out. */
public final class Manifests {
  private static final RuleCatalogue BUILT_IN = RuleCatalogue.builtIn();

  private Manifests() {}

  public static RuleCatalogue builtInCatalogue() {
    return BUILT_IN;
  }

  /** Every Kubernetes object in {@code yaml}, read as file {@code name}. */
  @SuppressWarnings("unchecked")
  public static List<KubernetesObject> objects(String name, String yaml) {
    List<YamlDocument> documents = new ArrayList<>();
    new YamlReader(YamlLimits.DEFAULT).read(name, new StringReader(yaml), documents::add);
    List<KubernetesObject> objects = new ArrayList<>();
    for (YamlDocument document : documents) {
      ObjectRef ref = KubernetesObject.refOf(document.root());
      if (ref != null) {
        objects.add(
            new KubernetesObject(
                ref,
                (Map<String, Object>) document.root(),
                document.start(),
                document.positions()));
      }
    }
    return objects;
  }

  /** Scans {@code yaml} with {@code catalogue} and default settings. */
  public static ScanResult scan(RuleCatalogue catalogue, String name, String yaml) {
    return scan(catalogue, ScanConfig.DEFAULT, name, yaml);
  }

  /** Scans {@code yaml} with {@code catalogue} and the run-wide {@code settings}. */
  public static ScanResult scan(
      RuleCatalogue catalogue, String name, String yaml, Map<String, Object> settings) {
    ScanConfig config = ScanConfig.DEFAULT;
    for (Map.Entry<String, Object> entry : settings.entrySet()) {
      config = config.withSetting(entry.getKey(), entry.getValue());
    }
    return scan(catalogue, config, name, yaml);
  }

  /** Scans {@code yaml} with {@code catalogue} as {@code config} wants it. */
  public static ScanResult scan(
      RuleCatalogue catalogue, ScanConfig config, String name, String yaml) {
    Scanner scanner = Scanner.configured(catalogue, config, ScanListener.NONE, Clock.systemUTC());
    Scanner.Session session = scanner.begin("test", List.of(name));
    objects(name, yaml).forEach(session::accept);
    return session.finish();
  }

  /** The findings of one rule when {@code yaml} is scanned with the built-in catalogue. */
  public static List<Finding> findings(String ruleId, String yaml) {
    return findings(ruleId, yaml, Map.of());
  }

  /** The findings of one rule when {@code yaml} is scanned with the built-in catalogue. */
  public static List<Finding> findings(String ruleId, String yaml, Map<String, Object> settings) {
    return scan(BUILT_IN, "test.yaml", yaml, settings).findings().stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .toList();
  }
}
