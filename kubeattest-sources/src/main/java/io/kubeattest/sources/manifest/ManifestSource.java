package io.kubeattest.sources.manifest;

import io.kubeattest.engine.InputException;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.tree.FieldPath;
import io.kubeattest.engine.tree.JsonReader;
import io.kubeattest.engine.tree.TreeReader;
import io.kubeattest.engine.tree.YamlDocument;
import io.kubeattest.engine.tree.YamlLimits;
import io.kubeattest.engine.tree.YamlReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads manifests from files, directories (recursively: {@code .yaml}, {@code .yml}, {@code .json};
 * hidden directories skipped) and {@code -} for standard input. Every problem with one input
 * becomes an {@link InputNote} and the other inputs are still read; nothing is written anywhere.
 */
public final class ManifestSource {
  /** The name standard input goes by in notes and locations. */
  public static final String STDIN = "-";

  private static final int SNIFF_BYTES = 8192;

  private final YamlReader yaml;
  private final JsonReader json;
  private final long maxFileBytes;

  public ManifestSource(YamlLimits limits, long maxFileBytes) {
    this.yaml = new YamlReader(limits);
    this.json = new JsonReader(limits);
    this.maxFileBytes = maxFileBytes;
  }

  /** Limits for everyday use: {@link YamlLimits#DEFAULT} and files up to 256 MiB. */
  public static ManifestSource withDefaults() {
    return new ManifestSource(YamlLimits.DEFAULT, 256L * 1024 * 1024);
  }

  /** Reads every input in order; {@code stdin} is used for the input {@code -}. */
  public void read(List<String> inputs, InputStream stdin, ManifestSink sink) {
    for (String input : inputs) {
      if (input.equals(STDIN)) {
        readStream(STDIN, stdin, null, sink);
        continue;
      }
      Path path = Path.of(input);
      if (Files.isDirectory(path)) {
        for (Path file : manifestFiles(path, sink)) {
          readFile(file, sink);
        }
      } else {
        readFile(path, sink);
      }
    }
  }

  private List<Path> manifestFiles(Path directory, ManifestSink sink) {
    try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(p -> !p.equals(directory))
          .filter(p -> !hiddenBelow(directory, p))
          .filter(Files::isRegularFile)
          .filter(ManifestSource::isManifestName)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      sink.note(
          new InputNote(
              InputNote.Kind.ERROR, directory.toString(), "cannot list directory: " + reason(e)));
      return List.of();
    }
  }

  private static boolean hiddenBelow(Path root, Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManifestName(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private void readFile(Path file, ManifestSink sink) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(name);
      }
      long size = Files.size(file);
      if (size > maxFileBytes) {
        sink.note(
            new InputNote(
                InputNote.Kind.ERROR,
                name,
                "file is " + size + " bytes, larger than the limit of " + maxFileBytes));
        return;
      }
      try (InputStream in = Files.newInputStream(file)) {
        Boolean jsonHint = name.toLowerCase(Locale.ROOT).endsWith(".json") ? Boolean.TRUE : null;
        readStream(name, in, jsonHint, sink);
      }
    } catch (NoSuchFileException e) {
      sink.note(new InputNote(InputNote.Kind.ERROR, name, "no such file or directory"));
    } catch (IOException e) {
      sink.note(new InputNote(InputNote.Kind.ERROR, name, "cannot read: " + reason(e)));
    }
  }

  private void readStream(
      String name, InputStream raw, @Nullable Boolean jsonHint, ManifestSink sink) {
    BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
    int[] documents = {0};
    try {
      in.mark(SNIFF_BYTES);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      in.reset();
      if (isBinary(head)) {
        sink.note(
            new InputNote(InputNote.Kind.ERROR, name, "binary content, not YAML or JSON; skipped"));
        return;
      }
      boolean isJson = jsonHint != null ? jsonHint : looksLikeJson(head);
      TreeReader reader = isJson ? json : yaml;
      reader.read(
          name,
          utf8(in),
          document -> {
            documents[0]++;
            accept(name, document, sink);
          });
      if (documents[0] == 0) {
        sink.note(new InputNote(InputNote.Kind.SKIPPED, name, "empty: no documents"));
      }
    } catch (InputException e) {
      String message = e.getMessage() == null ? "unreadable" : e.getMessage();
      String prefix = name + ": ";
      sink.note(
          new InputNote(
              InputNote.Kind.ERROR,
              name,
              message.startsWith(prefix) ? message.substring(prefix.length()) : message));
    } catch (IOException e) {
      sink.note(new InputNote(InputNote.Kind.ERROR, name, "cannot read: " + reason(e)));
    }
  }

  @SuppressWarnings("unchecked")
  private static void accept(String name, YamlDocument document, ManifestSink sink) {
    Object root = document.root();
    if (root == null) {
      return;
    }
    ObjectRef ref = KubernetesObject.refOf(root);
    String where = name + ":" + document.start().line();
    if (ref == null) {
      sink.note(
          new InputNote(
              InputNote.Kind.SKIPPED,
              where,
              "not a Kubernetes object (no apiVersion and kind); skipped"));
      return;
    }
    Map<String, @Nullable Object> content = (Map<String, @Nullable Object>) root;
    if (isList(ref) && content.get("items") instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        FieldPath path = FieldPath.root().key("items").index(i);
        Object item = items.get(i);
        ObjectRef itemRef = KubernetesObject.refOf(item);
        if (itemRef == null) {
          var location = document.positions().locate(path);
          sink.note(
              new InputNote(
                  InputNote.Kind.SKIPPED,
                  location == null ? where : location.toString(),
                  "list item " + i + " is not a Kubernetes object; skipped"));
          continue;
        }
        sink.object(
            new KubernetesObject(
                itemRef,
                (Map<String, @Nullable Object>) item,
                document.positions().locate(path),
                document.positions().subtree(path)));
      }
      return;
    }
    sink.object(new KubernetesObject(ref, content, document.start(), document.positions()));
  }

  private static boolean isList(ObjectRef ref) {
    return ref.kind().endsWith("List");
  }

  private static Reader utf8(InputStream in) throws IOException {
    in.mark(3);
    byte[] bom = in.readNBytes(3);
    if (!(bom.length == 3
        && (bom[0] & 0xff) == 0xef
        && (bom[1] & 0xff) == 0xbb
        && (bom[2] & 0xff) == 0xbf)) {
      in.reset();
    }
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static boolean isBinary(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeJson(byte[] head) {
    for (byte b : head) {
      if (b == ' '
          || b == '\t'
          || b == '\r'
          || b == '\n'
          || (b & 0xff) == 0xef
          || (b & 0xff) == 0xbb
          || (b & 0xff) == 0xbf) {
        continue;
      }
      return b == '{' || b == '[';
    }
    return false;
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Collects everything into lists; handy for tests and small inputs. */
  public static final class Collected implements ManifestSink {
    private final List<KubernetesObject> objects = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();

    @Override
    public void object(KubernetesObject object) {
      objects.add(object);
    }

    @Override
    public void note(InputNote note) {
      notes.add(note);
    }

    public List<KubernetesObject> objects() {
      return objects;
    }

    public List<InputNote> notes() {
      return notes;
    }
  }
}
