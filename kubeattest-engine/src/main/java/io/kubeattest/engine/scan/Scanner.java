package io.kubeattest.engine.scan;

import io.kubeattest.engine.config.ScanConfig;
import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.k8s.PodSpecLocator;
import io.kubeattest.engine.k8s.SubjectExtractor;
import io.kubeattest.engine.model.Exposure;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ObjectRef;
import io.kubeattest.engine.model.ScanMetadata;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Subject;
import io.kubeattest.engine.relations.CrossObjectEvaluator;
import io.kubeattest.engine.relations.ExposureAnalyzer;
import io.kubeattest.engine.relations.ObjectIndex;
import io.kubeattest.engine.rules.RuleCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a scan: objects go in one at a time (so a source can stream them), findings and notes
 * collect, and {@link Session#finish()} returns the result with its metadata.
 */
public final class Scanner {
  private final RuleCatalogue catalogue;
  private final RuleEvaluator evaluator;
  private final SubjectExtractor extractor;
  private final ExemptionPolicy exemptions;
  private final CrossObjectEvaluator crossObject;
  private final PodSpecLocator locator;
  private final ScanListener listener;
  private final Clock clock;

  public Scanner(
      RuleCatalogue catalogue,
      RuleEvaluator evaluator,
      PodSpecLocator locator,
      ExemptionPolicy exemptions,
      CrossObjectEvaluator crossObject,
      ScanListener listener,
      Clock clock) {
    this.catalogue = catalogue;
    this.evaluator = evaluator;
    this.locator = locator;
    this.extractor = new SubjectExtractor(locator);
    this.exemptions = exemptions;
    this.crossObject = crossObject;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * A scanner wired from a configuration: its rule selection and severities, rule parameters,
   * settings, custom workload kinds and exemptions.
   */
  public static Scanner configured(
      RuleCatalogue catalogue, ScanConfig config, ScanListener listener, Clock clock) {
    RuleCatalogue selected =
        catalogue.configure(config.disabled(), config.enabledOnly(), config.severities());
    return new Scanner(
        selected,
        new RuleEvaluator(selected, config.params(), config.settings()),
        PodSpecLocator.standard().with(config.podTemplates()),
        new ExemptionPolicy(
            config.exemptions(),
            config.annotationExemptions(),
            selected.descriptions(),
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
        new CrossObjectEvaluator(selected, config.params()),
        listener,
        clock);
  }

  /** Starts a scan of kind {@code scanKind} (manifests, cluster, ...) over {@code inputs}. */
  public Session begin(String scanKind, List<String> inputs) {
    return new Session(scanKind, List.copyOf(inputs), clock.instant());
  }

  /**
   * Evaluates objects on every core. Daemon threads: a scan that ends early does not keep the JVM
   * alive.
   */
  private static final java.util.concurrent.ExecutorService EVALUATORS =
      java.util.concurrent.Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          runnable -> {
            Thread thread = new Thread(runnable, "kubeattest-evaluator");
            thread.setDaemon(true);
            return thread;
          });

  /** One scan in progress. Not thread-safe: feed it from one thread. */
  public final class Session {
    /** Objects whose evaluation may run ahead of the source before the source waits. */
    private static final int MAX_IN_FLIGHT = 256;

    private final String scanKind;
    private final List<String> inputs;
    private final Instant startedAt;
    private final List<Finding> findings = new ArrayList<>();
    private final java.util.ArrayDeque<java.util.concurrent.Future<List<Finding>>> pending =
        new java.util.ArrayDeque<>();
    private final List<InputNote> notes = new ArrayList<>();
    private final ObjectIndex index = new ObjectIndex();
    private int objects;

    private Session(String scanKind, List<String> inputs, Instant startedAt) {
      this.scanKind = scanKind;
      this.inputs = inputs;
      this.startedAt = startedAt;
    }

    /**
     * Evaluates every subject of {@code object}, then applies exemptions. Objects are evaluated on
     * all cores; findings keep the order in which objects were accepted.
     */
    public void accept(KubernetesObject object) {
      submit(
          () -> {
            List<Subject> subjects = extractor.subjects(object);
            List<Finding> found = evaluator.evaluateAll(subjects);
            Object podMeta = null;
            for (Subject subject : subjects) {
              if (subject.kind() == io.kubeattest.engine.model.SubjectKind.WORKLOAD) {
                podMeta = subject.variables().get("podMeta");
              }
            }
            return exemptions.apply(
                found, ExemptionPolicy.annotationsOf(object.content(), podMeta));
          });
      if (!crossObject.isEmpty()) {
        index.add(
            object,
            locator.templatePath(object.ref().apiVersion(), object.ref().kind()).orElse(null));
      }
      objects++;
      listener.on(new ScanEvent.ObjectEvaluated(object.ref(), objects));
    }

    /**
     * Evaluates one subject that does not come from a Kubernetes object (a node, a Docker host, an
     * image); it counts as one object.
     */
    public void accept(Subject subject) {
      submit(() -> evaluator.evaluate(subject));
      objects++;
      listener.on(new ScanEvent.ObjectEvaluated(subject.ref().object(), objects));
    }

    /**
     * Adds findings computed outside the rule catalogue (an image's vulnerabilities, matched
     * against a database), after exemptions by configuration.
     */
    public void add(List<Finding> computed) {
      List<Finding> exempted = exemptions.apply(computed, java.util.Map.of());
      pending.addLast(java.util.concurrent.CompletableFuture.completedFuture(exempted));
    }

    private void submit(java.util.concurrent.Callable<List<Finding>> work) {
      pending.addLast(EVALUATORS.submit(work));
      if (pending.size() > MAX_IN_FLIGHT) {
        drainUntil(MAX_IN_FLIGHT / 2);
      }
    }

    /** Moves completed evaluations, oldest first, into the findings until few remain. */
    private void drainUntil(int remaining) {
      while (pending.size() > remaining) {
        findings.addAll(join(pending.removeFirst()));
      }
    }

    private List<Finding> join(java.util.concurrent.Future<List<Finding>> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating rules", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /** Records a skipped or unreadable input. */
    public void note(InputNote note) {
      notes.add(note);
      listener.on(new ScanEvent.InputNoted(note));
    }

    /** Runs the cross-object rules over everything accepted, then returns the result. */
    public ScanResult finish() {
      drainUntil(0);
      if (!crossObject.isEmpty() && !index.isEmpty()) {
        for (CrossObjectEvaluator.Judged judged : crossObject.evaluate(index)) {
          findings.addAll(
              exemptions.apply(
                  List.of(judged.finding()), ExemptionPolicy.annotationsOf(judged.object(), null)));
        }
        Map<ObjectRef, Exposure> exposures = ExposureAnalyzer.exposures(index);
        if (!exposures.isEmpty()) {
          findings.replaceAll(f -> f.withExposure(exposures.get(f.subject().object())));
        }
      }
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
