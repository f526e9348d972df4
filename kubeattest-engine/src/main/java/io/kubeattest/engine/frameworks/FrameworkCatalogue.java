package io.kubeattest.engine.frameworks;

import io.kubeattest.engine.RuleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The frameworks of one run, by id, in load order. Immutable and thread-safe. */
public final class FrameworkCatalogue {
  private final Map<String, Framework> frameworks;

  private FrameworkCatalogue(Map<String, Framework> frameworks) {
    this.frameworks = frameworks;
  }

  /** The frameworks shipped in the engine. */
  public static FrameworkCatalogue builtIn() {
    return load(FrameworkLoader.builtInSources());
  }

  /**
   * Loads {@code sources} into a catalogue.
   *
   * @throws RuleException when a file does not load or two frameworks share an id
   */
  public static FrameworkCatalogue load(List<FrameworkLoader.FrameworkSource> sources) {
    Map<String, Framework> byId = new LinkedHashMap<>();
    for (Framework framework : new FrameworkLoader().load(sources)) {
      Framework previous = byId.putIfAbsent(framework.id(), framework);
      if (previous != null) {
        throw new RuleException(
            framework.source()
                + ": framework id '"
                + framework.id()
                + "' is already defined at "
                + previous.source());
      }
    }
    return new FrameworkCatalogue(java.util.Collections.unmodifiableMap(byId));
  }

  /** Every framework, in load order. */
  public List<Framework> frameworks() {
    return List.copyOf(frameworks.values());
  }

  public Optional<Framework> find(String id) {
    return Optional.ofNullable(frameworks.get(id));
  }
}
