package io.kubeattest.image.vulndb;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the vulnerability database lives. In order: the file the user named ({@code --db FILE}),
 * the {@code KUBEATTEST_DB} environment variable, {@code $XDG_DATA_HOME/kubeattest/vulndb.sqlite},
 * and {@code ~/.local/share/kubeattest/vulndb.sqlite}.
 */
public final class DatabaseLocation {
  /** The environment variable that names the database file. */
  public static final String ENV = "KUBEATTEST_DB";

  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "vulndb.sqlite";

  private DatabaseLocation() {}

  /**
   * The database file to use.
   *
   * @param explicit the file given on the command line, or null
   * @param env the process environment
   * @param home the user's home directory
   */
  public static Path resolve(@Nullable Path explicit, Map<String, String> env, Path home) {
    if (explicit != null) {
      return explicit;
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path dataHome =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".local").resolve("share");
    return dataHome.resolve("kubeattest").resolve(FILE_NAME);
  }
}
