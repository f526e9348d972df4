package io.kubeattest.cli;

import io.kubeattest.image.vulndb.DatabaseLocation;
import io.kubeattest.image.vulndb.DatabaseStatus;
import io.kubeattest.image.vulndb.DurationText;
import io.kubeattest.image.vulndb.ImportRecord;
import io.kubeattest.image.vulndb.OsvDownloader;
import io.kubeattest.image.vulndb.OsvImporter;
import io.kubeattest.image.vulndb.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kubeattest db import|update|status}: the offline vulnerability database. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the offline vulnerability database (OSV records in one SQLite file).",
      "",
      "The file is --db FILE, else $KUBEATTEST_DB, else $XDG_DATA_HOME/kubeattest/vulndb.sqlite,"
          + " else ~/.local/share/kubeattest/vulndb.sqlite."
    },
    subcommands = {
      DbCommand.ImportCommand.class,
      DbCommand.UpdateCommand.class,
      DbCommand.StatusCommand.class
    })
final class DbCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();

  private final KubeattestCommand.Context context;
  private final Clock clock;

  DbCommand(KubeattestCommand.Context context, Clock clock) {
    this.context = context;
    this.clock = clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Path file(@Nullable Path explicit) {
    return databaseFile(explicit, context.env());
  }

  /**
   * The vulnerability database a command uses: {@code --db}, else {@code KUBEATTEST_DB}, else the
   * user's data directory. One place for {@code db}, {@code image} and {@code cluster --images}.
   */
  static Path databaseFile(@Nullable Path explicit, java.util.Map<String, String> env) {
    return DatabaseLocation.resolve(explicit, env, Path.of(System.getProperty("user.home", ".")));
  }

  /** The {@code --db FILE} option of every db subcommand. */
  static final class DatabaseOption {
    @Option(
        names = "--db",
        paramLabel = "FILE",
        description = "The database file (default: $KUBEATTEST_DB or the user's data directory).")
    @Nullable Path file;
  }

  /** Loads records into a database: the body of {@code db import} and {@code db update}. */
  @FunctionalInterface
  private interface Loader {
    ImportRecord load(
        VulnerabilityDatabase store, io.kubeattest.image.vulndb.ImportListener warnings);
  }

  /**
   * Opens or creates the database, runs {@code loader} with its warnings on standard error, prints
   * the summary ({@code verb}: imported, updated) and returns the exit code.
   */
  private static int load(
      @Nullable DbCommand parent,
      CommandLine.Model.CommandSpec spec,
      DatabaseOption database,
      String verb,
      Loader loader) {
    DbCommand db = requireParent(parent);
    PrintWriter err = spec.commandLine().getErr();
    try (VulnerabilityDatabase store =
        VulnerabilityDatabase.create(db.file(database.file), db.clock)) {
      ImportRecord result = loader.load(store, w -> err.println("warning: " + w));
      spec.commandLine().getOut().println(summary(verb, result, store.file()));
      return result.failed() == 0 ? ExitCode.OK : ExitCode.USAGE_OR_INPUT;
    }
  }

  /** {@code db import PATH...}: load OSV archives, directories or files, offline. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Load OSV records offline: all.zip archives as OSV publishes them (<ecosystem>/all.zip),"
            + " directories (searched for .json and .zip files) and single JSON files.",
        "",
        "Exit codes: 0 everything read, 2 a file or entry was skipped (the rest is imported) or"
            + " the database cannot be written."
      })
  static final class ImportCommand implements Callable<Integer> {
    @ParentCommand @Nullable DbCommand parent;
    @Spec CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
    @Mixin DatabaseOption database = new DatabaseOption();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Archives, directories, files.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
      return load(
          parent,
          spec,
          database,
          "imported",
          (store, warnings) -> new OsvImporter().importPaths(store, paths, warnings));
    }
  }

  /** {@code db update}: download OSV's bulk archives. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Download OSV's per-ecosystem archives (MIRROR/<ecosystem>/all.zip) and import them.",
        "",
        "Exit codes: 0 every archive imported, 2 an archive or entry was skipped, or nothing"
            + " could be downloaded."
      })
  static final class UpdateCommand implements Callable<Integer> {
    @ParentCommand @Nullable DbCommand parent;
    @Spec CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
    @Mixin DatabaseOption database = new DatabaseOption();

    @Option(
        names = "--ecosystems",
        split = ",",
        paramLabel = "NAME",
        description =
            "OSV ecosystems to download, comma-separated (default: those already in the"
                + " database, else Debian, Ubuntu, Alpine, Red Hat, Maven, npm, PyPI, Go).")
    List<String> ecosystems = new ArrayList<>();

    @Option(
        names = "--mirror",
        paramLabel = "URL",
        description = "Where the archives are (default: ${DEFAULT-VALUE}).",
        defaultValue = "https://osv-vulnerabilities.storage.googleapis.com/")
    URI mirror = OsvDownloader.OSV_BUCKET;

    @Override
    public Integer call() {
      return load(
          parent,
          spec,
          database,
          "updated",
          (store, warnings) ->
              OsvDownloader.withDefaults()
                  .update(
                      store,
                      mirror,
                      ecosystems.isEmpty()
                          ? OsvDownloader.ecosystemsInUse(store.status())
                          : ecosystems,
                      warnings));
    }
  }

  /** {@code db status}: path, schema, age and counts. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Show the database file, schema version, last import or update, its age, and the number"
            + " of records per ecosystem.",
        "",
        "Exit codes: 0 shown (a warning is printed when older than --max-age), 2 no database."
      })
  static final class StatusCommand implements Callable<Integer> {
    @ParentCommand @Nullable DbCommand parent;
    @Spec CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
    @Mixin DatabaseOption database = new DatabaseOption();

    @Option(
        names = "--max-age",
        paramLabel = "AGE",
        description = "Warn when the last update is older than AGE (default: ${DEFAULT-VALUE}).",
        defaultValue = "7d",
        converter = AgeConverter.class)
    Duration maxAge = Duration.ofDays(7);

    @Override
    public Integer call() {
      DbCommand db = requireParent(parent);
      try (VulnerabilityDatabase store =
          VulnerabilityDatabase.open(db.file(database.file), db.clock)) {
        DatabaseStatus status = store.status();
        PrintWriter out = spec.commandLine().getOut();
        Instant now = db.clock.instant();
        out.println("Database:        " + status.file());
        out.println("Schema version:  " + status.schemaVersion());
        ImportRecord last = status.lastImport();
        if (last == null) {
          out.println("Last update:     never");
        } else {
          out.println(
              "Last update:     "
                  + last.finishedAt()
                  + " ("
                  + DurationText.of(Duration.between(last.finishedAt(), now))
                  + " ago, "
                  + last.kind()
                  + " of "
                  + last.source()
                  + ")");
        }
        out.println(
            "Newest record:   "
                + (status.newestRecord() == null ? "none" : status.newestRecord().toString()));
        out.println("Records:         " + status.records());
        int width =
            status.recordsPerEcosystem().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Long> e : status.recordsPerEcosystem().entrySet()) {
          out.println(
              "  " + e.getKey() + " ".repeat(width - e.getKey().length() + 2) + e.getValue());
        }
        store
            .staleness(maxAge)
            .ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
        return ExitCode.OK;
      }
    }
  }

  /** Reads {@code --max-age}: {@code 7d}, {@code 36h}, {@code P7D}. */
  static final class AgeConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationText.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(String.valueOf(e.getMessage()));
      }
    }
  }

  private static DbCommand requireParent(@Nullable DbCommand parent) {
    if (parent == null) {
      throw new IllegalStateException("db subcommands run under the db command");
    }
    return parent;
  }

  private static String summary(String verb, ImportRecord result, Path file) {
    return verb
        + " "
        + result.stored()
        + " records into "
        + file
        + " ("
        + result.unchanged()
        + " unchanged, "
        + result.failed()
        + " skipped)";
  }
}
