package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.report.JsonResultReader;
import io.kubeattest.report.ResultMerger;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeattest report merge}: work on saved JSON results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Work on saved JSON results.",
    subcommands = {ReportCommand.MergeCommand.class})
final class ReportCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code report merge SCAN.json...}: one combined result from several scans. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Combine the JSON results (-o json) of several scans (node, cluster, manifests, image)"
            + " into one result, so framework scores and the HTML report cover both layers.",
        "",
        "Exit codes: 0 clean, 1 a finding failed at or above --fail-on, 2 usage or input error."
      })
  static final class MergeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Parameters(arity = "1..*", paramLabel = "SCAN.json", description = "JSON results to merge.")
    List<Path> inputs = new ArrayList<>();

    @Mixin ReportOptions options = new ReportOptions();

    private final KubeattestCommand.Context context;

    MergeCommand(KubeattestCommand.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      FrameworkSelection frameworks =
          FrameworkSelection.of(
              options.frameworks, Catalogues.load(options.ruleDirectories).descriptions());
      options.resolvedTargets();
      JsonResultReader reader = new JsonResultReader();
      List<ScanResult> results = new ArrayList<>();
      List<InputNote> problems = new ArrayList<>();
      for (Path input : inputs) {
        try (Reader text = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
          results.add(reader.read(input.toString(), text));
        } catch (NoSuchFileException e) {
          problems.add(new InputNote(InputNote.Kind.ERROR, input.toString(), "no such file"));
        } catch (IOException e) {
          problems.add(
              new InputNote(
                  InputNote.Kind.ERROR, input.toString(), String.valueOf(e.getMessage())));
        } catch (KubeattestException e) {
          String message = String.valueOf(e.getMessage());
          String prefix = input + ": ";
          problems.add(
              new InputNote(
                  InputNote.Kind.ERROR,
                  input.toString(),
                  message.startsWith(prefix) ? message.substring(prefix.length()) : message));
        }
      }
      for (InputNote problem : problems) {
        spec.commandLine().getErr().println("error: " + problem.line());
      }
      if (results.isEmpty()) {
        return ExitCode.USAGE_OR_INPUT;
      }
      ScanResult merged = new ResultMerger().merge(results);
      if (frameworks.limited()) {
        var keep = frameworks.ruleIds();
        merged =
            new ScanResult(
                merged.metadata(),
                merged.objectCount(),
                merged.findings().stream().filter(f -> keep.contains(f.ruleId())).toList(),
                merged.notes());
      }
      List<InputNote> notes = new ArrayList<>(merged.notes());
      notes.addAll(problems);
      merged = new ScanResult(merged.metadata(), merged.objectCount(), merged.findings(), notes);
      return new ResultPrinter(options, context.terminal(), frameworks)
          .print(merged, spec.commandLine().getOut(), context.stdout());
    }
  }
}
