package io.kubeattest.engine.frameworks;

import static io.kubeattest.engine.tree.SpecErrors.at;
import static io.kubeattest.engine.tree.SpecErrors.describe;
import static io.kubeattest.engine.tree.SpecErrors.location;
import static io.kubeattest.engine.tree.SpecErrors.pathOf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubeattest.engine.InputException;
import io.kubeattest.engine.RuleException;
import io.kubeattest.engine.frameworks.FrameworkSpec.ControlSpec;
import io.kubeattest.engine.frameworks.FrameworkSpec.SectionSpec;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.Positions;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import io.kubeattest.engine.tree.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Loads framework files: checks the {@code apiVersion}/{@code kind} envelope and every control
 * (unique id, known section, a procedure when manual). Any problem stops loading with a {@link
 * RuleException} whose message starts with {@code file:line}.
 */
public final class FrameworkLoader {
  private static final String BUILT_IN_ROOT = "kubeattest/frameworks/";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+([-.][a-z0-9]+)*");

  private final ObjectMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final YamlReader yaml = new YamlReader(YamlLimits.DEFAULT);

  /** A framework file's name and text. */
  public record FrameworkSource(String name, String text) {}

  /** The framework files shipped in the engine, in the order of their index. */
  public static List<FrameworkSource> builtInSources() {
    List<FrameworkSource> sources = new ArrayList<>();
    for (String line : resource(BUILT_IN_ROOT + "index.txt").lines().toList()) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        sources.add(
            new FrameworkSource("builtin:frameworks/" + name, resource(BUILT_IN_ROOT + name)));
      }
    }
    return sources;
  }

  /** Loads every framework of every source, in order. */
  public List<Framework> load(List<FrameworkSource> sources) {
    List<Framework> frameworks = new ArrayList<>();
    for (FrameworkSource source : sources) {
      List<YamlDocument> documents = new ArrayList<>();
      try {
        yaml.read(source.name(), new StringReader(source.text()), documents::add);
      } catch (InputException e) {
        throw new RuleException(String.valueOf(e.getMessage()));
      }
      for (YamlDocument document : documents) {
        if (document.root() != null) {
          frameworks.add(load(source.name(), document));
        }
      }
    }
    return frameworks;
  }

  private Framework load(String file, YamlDocument document) {
    Positions positions = document.positions();
    FrameworkSpec spec;
    try {
      spec = mapper.convertValue(document.root(), FrameworkSpec.class);
    } catch (IllegalArgumentException e) {
      throw new RuleException(at(file, positions, pathOf(e)) + describe(e));
    }
    FieldPath root = FieldPath.root();
    if (!FrameworkSpec.API_VERSION.equals(spec.apiVersion())
        || !FrameworkSpec.KIND.equals(spec.kind())) {
      throw new RuleException(
          at(file, positions, root)
              + "expected apiVersion: "
              + FrameworkSpec.API_VERSION
              + " and kind: "
              + FrameworkSpec.KIND
              + ", found "
              + spec.apiVersion()
              + " / "
              + spec.kind());
    }
    String id = require(file, positions, root, "id", spec.id());
    if (!ID.matcher(id).matches()) {
      throw new RuleException(
          at(file, positions, root.key("id")) + "framework id '" + id + "' is not kebab-case");
    }
    List<Section> sections = new ArrayList<>();
    List<SectionSpec> sectionSpecs = Objects.requireNonNullElse(spec.sections(), List.of());
    Set<String> sectionIds = new HashSet<>();
    for (int i = 0; i < sectionSpecs.size(); i++) {
      FieldPath path = root.key("sections").index(i);
      SectionSpec section = sectionSpecs.get(i);
      String sectionId = require(file, positions, path, "id", section.id());
      if (!sectionIds.add(sectionId)) {
        throw new RuleException(
            at(file, positions, path) + "section '" + sectionId + "' is defined twice");
      }
      sections.add(
          new Section(sectionId, require(file, positions, path, "title", section.title())));
    }
    Map<String, String> baselines = Objects.requireNonNullElse(spec.baselines(), Map.of());
    List<Control> controls = new ArrayList<>();
    Set<String> controlIds = new HashSet<>();
    List<ControlSpec> controlSpecs = Objects.requireNonNullElse(spec.controls(), List.of());
    if (controlSpecs.isEmpty()) {
      throw new RuleException(at(file, positions, root) + "framework " + id + " has no controls");
    }
    for (int i = 0; i < controlSpecs.size(); i++) {
      FieldPath path = root.key("controls").index(i);
      controls.add(control(file, positions, path, controlSpecs.get(i), sectionIds, baselines));
      if (!controlIds.add(controls.get(i).id())) {
        throw new RuleException(
            at(file, positions, path) + "control '" + controls.get(i).id() + "' is defined twice");
      }
    }
    FrameworkSpec.EvidenceFromSpec from = spec.evidenceFrom();
    return new Framework(
        id,
        require(file, positions, root, "title", spec.title()),
        require(file, positions, root, "version", spec.version()),
        Objects.requireNonNullElse(spec.description(), "").strip(),
        Objects.requireNonNullElse(spec.scope(), "").strip(),
        from == null ? null : from.equivalents(),
        from == null ? List.of() : Objects.requireNonNullElse(from.prefixes(), List.of("")),
        baselines,
        sections,
        controls,
        location(file, positions, root));
  }

  private static Control control(
      String file,
      Positions positions,
      FieldPath path,
      ControlSpec spec,
      Set<String> sectionIds,
      Map<String, String> baselines) {
    String id = require(file, positions, path, "id", spec.id());
    String section = require(file, positions, path, "section", spec.section());
    if (!sectionIds.contains(section)) {
      throw new RuleException(
          at(file, positions, path.key("section"))
              + "control "
              + id
              + ": unknown section '"
              + section
              + "' (define it under sections:)");
    }
    boolean manual = Boolean.TRUE.equals(spec.manual());
    String procedure = Objects.requireNonNullElse(spec.procedure(), "").strip();
    if (manual && procedure.isEmpty()) {
      throw new RuleException(
          at(file, positions, path) + "control " + id + ": manual controls need a procedure");
    }
    List<String> controlBaselines = Objects.requireNonNullElse(spec.baselines(), List.of());
    for (String baseline : controlBaselines) {
      if (!baselines.containsKey(baseline)) {
        throw new RuleException(
            at(file, positions, path.key("baselines"))
                + "control "
                + id
                + ": unknown baseline '"
                + baseline
                + "' (expected one of "
                + baselines.keySet()
                + ")");
      }
    }
    return new Control(
        id,
        require(file, positions, path, "title", spec.title()),
        section,
        Objects.requireNonNullElse(spec.rules(), List.of()),
        manual,
        procedure,
        controlBaselines);
  }

  private static String require(
      String file, Positions positions, FieldPath path, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new RuleException(at(file, positions, path) + "missing '" + field + "'");
    }
    return value;
  }

  private static String resource(String name) {
    try (InputStream in = FrameworkLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("built-in resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
