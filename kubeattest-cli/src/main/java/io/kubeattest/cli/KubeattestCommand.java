package io.kubeattest.cli;

import io.kubeattest.engine.KubeattestException;
import io.kubeattest.engine.scan.KubeattestVersion;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command, and the composition root of the command line. */
@Command(
    name = "kubeattest",
    mixinStandardHelpOptions = true,
    versionProvider = KubeattestCommand.Version.class,
    description = {
      "Evidence-grade Kubernetes security compliance: cluster configuration and image content.",
      "",
      "Exit codes: 0 clean, 1 a finding failed at or above --fail-on, 2 usage or input error."
    },
    subcommands = {
      ManifestsCommand.class,
      ClusterCommand.class,
      NodeCommand.class,
      ImageCommand.class,
      DbCommand.class,
      RulesCommand.class,
      FrameworksCommand.class,
      ReportCommand.class
    })
final class KubeattestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Shared by every subcommand: standard input, the environment and the terminal. */
  /**
   * What commands need of the process.
   *
   * @param stdout the bytes under the command line's {@code out} writer: large reports are written
   *     there directly, as UTF-8, after the writer is flushed
   */
  record Context(
      InputStream stdin, java.io.OutputStream stdout, Map<String, String> env, Terminal terminal) {}

  private KubeattestCommand() {
    this.spec = CommandLine.Model.CommandSpec.create();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and returns the exit code; prints only to {@code out} and {@code err}.
   */
  static int run(
      String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
    PrintWriter outWriter =
        new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Context context = new Context(stdin, out, env, Terminal.detect(env));
    CommandLine commandLine =
        new CommandLine(new KubeattestCommand(), new Factory(context))
            .setOut(outWriter)
            .setErr(errWriter)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(
                (exception, cmd, parseResult) -> {
                  if (exception instanceof KubeattestException) {
                    cmd.getErr().println("error: " + exception.getMessage());
                    return ExitCode.USAGE_OR_INPUT;
                  }
                  throw exception;
                });
    int code = commandLine.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** Creates commands with the context they need; no DI container. */
  private record Factory(Context context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == ManifestsCommand.class) {
        return cls.cast(new ManifestsCommand(context));
      }
      if (cls == NodeCommand.class) {
        return cls.cast(new NodeCommand(context));
      }
      if (cls == DbCommand.class) {
        return cls.cast(new DbCommand(context, java.time.Clock.systemUTC()));
      }
      if (cls == ReportCommand.MergeCommand.class) {
        return cls.cast(new ReportCommand.MergeCommand(context));
      }
      if (cls == ClusterCommand.class) {
        return cls.cast(new ClusterCommand(context));
      }
      if (cls == WhoCanCommand.class) {
        return cls.cast(new WhoCanCommand(context));
      }
      if (cls == ImageCommand.class) {
        return cls.cast(new ImageCommand(context));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** Reports the version stamped at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kubeattest " + KubeattestVersion.current()};
    }
  }
}
