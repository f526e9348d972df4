package io.kubeattest.engine.scan;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.k8s.SubjectExtractor;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.rules.RuleCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scan: objects go in one at a time (so a source can stream them), findings and notes
 * collect, and {@link Session#finish()} returns the result with its metadata.
 */
public final class Scanner {
  private final RuleCatalogue catalogue;
  private final RuleEvaluator evaluator;
  private final SubjectExtractor extractor;
  private final ScanListener listener;
  private final Clock clock;

  public Scanner(
      RuleCatalogue catalogue,
      RuleEvaluator evaluator,
      SubjectExtractor extractor,
      ScanListener listener,
      Clock clock) {
    this.catalogue = catalogue;
    this.evaluator = evaluator;
    this.extractor = extractor;
    this.listener = listener;
    this.clock = clock;
  }

  /** Starts a scan of kind {@code scanKind} (manifests, cluster, ...) over {@code inputs}. */
  public Session begin(String scanKind, List<String> inputs) {
    return new Session(scanKind, List.copyOf(inputs), clock.instant());
  }

  /** One scan in progress. Not thread-safe: feed it from one thread. */
  public final class Session {
    private final String scanKind;
    private final List<String> inputs;
    private final Instant startedAt;
    private final List<Finding> findings = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();
    private int objects;

    private Session(String scanKind, List<String> inputs, Instant startedAt) {
      this.scanKind = scanKind;
      this.inputs = inputs;
      this.startedAt = startedAt;
    }

    /** Evaluates every subject of {@code object}. */
    public void accept(KubernetesObject object) {
      for (Subject subject : extractor.subjects(object)) {
        findings.addAll(evaluator.evaluate(subject));
      }
      objects++;
      listener.on(new ScanEvent.ObjectEvaluated(object.ref(), objects));
    }

    /**
     * Evaluates one subject that does not come from a Kubernetes object (a node, a Docker host, an
     * image); it counts as one object.
     */
    public void accept(Subject subject) {
      findings.addAll(evaluator.evaluate(subject));
      objects++;
      listener.on(new ScanEvent.ObjectEvaluated(subject.ref().object(), objects));
    }

    /** Records a skipped or unreadable input. */
    public void note(InputNote note) {
      notes.add(note);
      listener.on(new ScanEvent.InputNoted(note));
    }

    public ScanResult finish() {
      ScanMetadata metadata =
          new ScanMetadata(
              KubeattestVersion.current(),
              scanKind,
              inputs,
              startedAt,
              clock.instant(),
              catalogue.digest(),
              catalogue.size());
      return new ScanResult(metadata, objects, findings, notes);
    }
  }
}
