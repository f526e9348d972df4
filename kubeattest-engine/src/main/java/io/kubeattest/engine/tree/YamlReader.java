package io.kubeattest.engine.tree;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.model.SourceLocation;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML 1.1 streams (the dialect Kubernetes tooling reads: {@code yes} and {@code on} are
 * booleans) into JSON-like trees, recording the line and column of every value. Merge keys ({@code
 * <<}) are applied. Limits on aliases, depth, document size and expanded size turn bombs into an
 * {@link InputException}. Instances are thread-safe.
 */
public final class YamlReader implements TreeReader {
  private final YamlLimits limits;

  public YamlReader(YamlLimits limits) {
    this.limits = limits;
  }

  @Override
  public void read(String name, Reader input, Consumer<YamlDocument> sink) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxDocumentChars());
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    Yaml yaml = new Yaml(options);
    int index = 0;
    try {
      for (Node node : yaml.composeAll(input)) {
        if (node == null) {
          index++;
          continue;
        }
        Positions.Builder positions = new Positions.Builder(name);
        Object root = new Converter(positions).convert(node, FieldPath.root(), 0);
        Mark start = node.getStartMark();
        sink.accept(
            new YamlDocument(
                root,
                index++,
                new SourceLocation(name, start.getLine() + 1, start.getColumn() + 1),
                positions.build()));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : " at line " + (mark.getLine() + 1);
      throw new InputException(name + ": not valid YAML" + where + ": " + problem(e));
    } catch (YAMLException e) {
      throw new InputException(name + ": " + limitMessage(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new InputException(
          name + ": nesting too deep (more than " + limits.maxDepth() + " levels)");
    }
  }

  private static String problem(MarkedYAMLException e) {
    String problem = e.getProblem();
    if (problem == null || problem.isBlank()) {
      problem = e.getContext();
    }
    return oneLine(problem == null ? "syntax error" : problem);
  }

  private String limitMessage(@Nullable String message) {
    String text = message == null ? "" : message;
    if (text.contains("Nesting Depth")) {
      return "nesting deeper than " + limits.maxDepth() + " levels; refusing to read it";
    }
    if (text.contains("expand to more than")) {
      return text + "; refusing to read it";
    }
    if (text.contains("aliases")) {
      return "more than "
          + limits.maxAliases()
          + " aliases to collections (a YAML bomb?); refusing to read it";
    }
    if (text.contains("code points") || text.contains("exceeds the limit")) {
      return "a document is larger than " + limits.maxDocumentChars() + " characters";
    }
    return "not valid YAML: " + oneLine(text);
  }

  static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /**
   * Converts one composed document. An alias is the same node object as its anchor, so a node seen
   * twice is an alias expansion: its values are counted against the limit and get no positions of
   * their own (they were written at the anchor).
   */
  private final class Converter {
    private final Positions.Builder positions;
    private final java.util.Set<Node> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int expanded;

    Converter(Positions.Builder positions) {
      this.positions = positions;
    }

    @Nullable Object convert(Node node, FieldPath path, int depth) {
      return convert(node, path, depth, false);
    }

    private @Nullable Object convert(Node node, FieldPath path, int depth, boolean inAlias) {
      boolean alias = inAlias || !seen.add(node);
      if (alias && ++expanded > limits.maxNodes()) {
        throw new YAMLException(
            "aliases expand to more than " + limits.maxNodes() + " values (a YAML bomb?)");
      }
      if (depth > limits.maxDepth()) {
        throw new YAMLException("Nesting Depth exceeded");
      }
      if (!alias) {
        Mark mark = node.getStartMark();
        positions.put(path, mark.getLine() + 1, mark.getColumn() + 1);
      }
      if (node instanceof MappingNode mapping) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        fill(map, mapping, path, depth, alias);
        return map;
      }
      if (node instanceof SequenceNode sequence) {
        List<@Nullable Object> list = new ArrayList<>(sequence.getValue().size());
        int i = 0;
        for (Node item : sequence.getValue()) {
          list.add(convert(item, alias ? path : path.index(i), depth + 1, alias));
          i++;
        }
        return list;
      }
      return scalar((ScalarNode) node);
    }

    private void fill(
        Map<String, @Nullable Object> map,
        MappingNode mapping,
        FieldPath path,
        int depth,
        boolean alias) {
      List<MappingNode> merges = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        Node valueNode = tuple.getValueNode();
        if (keyNode.getTag().equals(Tag.MERGE)) {
          if (valueNode instanceof MappingNode merged) {
            merges.add(merged);
          } else if (valueNode instanceof SequenceNode sequence) {
            sequence.getValue().stream()
                .filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast)
                .forEach(merges::add);
          }
          continue;
        }
        String key = keyText(keyNode);
        FieldPath child = alias ? path : path.key(key);
        Object value = convert(valueNode, child, depth + 1, alias);
        if (!alias) {
          Mark keyMark = keyNode.getStartMark();
          positions.put(child, keyMark.getLine() + 1, keyMark.getColumn() + 1);
        }
        map.put(key, value);
      }
      for (MappingNode merged : merges) {
        Map<String, @Nullable Object> extra = new LinkedHashMap<>();
        fill(extra, merged, path, depth, true);
        extra.forEach(map::putIfAbsent);
      }
    }

    private String keyText(Node keyNode) {
      if (keyNode instanceof ScalarNode scalar) {
        return scalar.getValue();
      }
      Mark mark = keyNode.getStartMark();
      throw new YAMLException(
          "a map key at line " + (mark.getLine() + 1) + " is not a scalar; Kubernetes keys are");
    }
  }

  private static @Nullable Object scalar(ScalarNode node) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      String lower = text.toLowerCase(Locale.ROOT);
      return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
    }
    if (tag.equals(Tag.INT)) {
      Object number = integer(text);
      return number == null ? text : number;
    }
    if (tag.equals(Tag.FLOAT)) {
      return floating(text);
    }
    return text;
  }

  private static @Nullable Object integer(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    try {
      BigInteger value;
      if (t.startsWith("0x") || t.startsWith("0X")) {
        value = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0b")) {
        value = new BigInteger(t.substring(2), 2);
      } else if (t.startsWith("0o")) {
        value = new BigInteger(t.substring(2), 8);
      } else if (t.contains(":")) {
        value = BigInteger.ZERO;
        for (String part : java.util.regex.Pattern.compile(":").splitAsStream(t).toList()) {
          value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else if (t.length() > 1 && t.startsWith("0")) {
        value = new BigInteger(t.substring(1), 8);
      } else {
        value = new BigInteger(t);
      }
      if (negative) {
        value = value.negate();
      }
      return value.bitLength() < 64 ? (Object) value.longValue() : (Object) value.doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object floating(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    return switch (t) {
      case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
      case "-.inf" -> Double.NEGATIVE_INFINITY;
      case ".nan" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(t);
        } catch (NumberFormatException e) {
          yield text;
        }
      }
    };
  }
}
