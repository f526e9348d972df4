package io.kubeattest.image.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.image.vulndb.OsvImporter;
import io.kubeattest.image.vulndb.VulnerabilityDatabase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A real database in a temporary directory, filled with the records under vulndb/records/. */
final class FixtureDatabase {
  private FixtureDatabase() {}

  static Path records() {
    try {
      return Path.of(FixtureDatabase.class.getResource("/vulndb/records").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static VulnerabilityDatabase filled(Path directory) {
    VulnerabilityDatabase database =
        VulnerabilityDatabase.create(directory.resolve("vulndb.sqlite"), Clock.systemUTC());
    List<String> warnings = new ArrayList<>();
    new OsvImporter().importPaths(database, List.of(records()), warnings::add);
    assertThat(warnings).isEmpty();
    return database;
  }
}
