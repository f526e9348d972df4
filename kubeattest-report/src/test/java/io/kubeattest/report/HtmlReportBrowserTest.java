package io.kubeattest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Status;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs): the page renders, its filters work when driven through the URL fragment, and a
 * screenshot of the summary lands in {@code target/screenshots/summary.png}. Skipped when no
 * Chromium is installed ({@code CHROMIUM} names another binary).
 */
class HtmlReportBrowserTest {
  static final Path WORK = Path.of("target", "html").toAbsolutePath();
  static final Pattern ROW =
      Pattern.compile(
          "<tr class=\"finding\" data-status=\"([A-Z]+)\" data-severity=\"(\\d)\"( hidden=\"\")?>");

  static Path chromium;
  static Path report;
  static ScanResult sample;

  @BeforeAll
  static void render() throws Exception {
    String configured = System.getenv("CHROMIUM");
    chromium =
        configured != null
            ? Path.of(configured)
            : ExternalTool.onPath("chromium") != null
                ? ExternalTool.onPath("chromium")
                : ExternalTool.onPath("chromium-browser");
    Assumptions.assumeTrue(chromium != null, "Chromium is not installed (.ci/run installs it)");
    sample = ReporterGoldenTest.sample();
    Files.createDirectories(WORK);
    report = WORK.resolve("report.html");
    Files.writeString(
        report,
        ReporterGoldenTest.render(new HtmlReporter(ReporterGoldenTest.scores(sample)), sample));
  }

  private static List<String> flags(Path profile) {
    return new ArrayList<>(
        List.of(
            chromium.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile));
  }

  /** The DOM after the page's script ran with {@code fragment} in the URL. */
  private static String dom(String fragment) throws Exception {
    Path profile = Files.createTempDirectory(WORK, "profile");
    List<String> command = flags(profile);
    command.add("--dump-dom");
    command.add(report.toUri() + fragment);
    ExternalTool run = ExternalTool.run(WORK, 120, command);
    assertThat(run.output()).as("chromium exit %s", run.exitCode()).contains("</html>");
    return run.output();
  }

  /** Visible rows as "STATUS severityRank". */
  private static List<String> visibleRows(String dom) {
    List<String> rows = new ArrayList<>();
    Matcher matcher = ROW.matcher(dom);
    while (matcher.find()) {
      if (matcher.group(3) == null) {
        rows.add(matcher.group(1) + " " + matcher.group(2));
      }
    }
    return rows;
  }

  @Test
  @DisplayName("the page renders every finding, the summary cards and the framework scores")
  void renders() throws Exception {
    String dom = dom("");
    assertThat(visibleRows(dom)).hasSize(sample.findings().size());
    assertThat(dom)
        .contains("id=\"cis-card\"", "id=\"cve-card\"", "0 CVEs", "Framework scores")
        .contains(sample.findings().size() + " of " + sample.findings().size() + " shown");
  }

  @Test
  @DisplayName("status, severity and text filters from the URL fragment hide the other rows")
  void filters() throws Exception {
    long passed = sample.findings().stream().filter(f -> f.status() == Status.PASS).count();
    assertThat(visibleRows(dom("#status=PASS")))
        .hasSize((int) passed)
        .allMatch(r -> r.startsWith("PASS "));
    assertThat(visibleRows(dom("#severity=high&status=FAIL")))
        .isNotEmpty()
        .allMatch(r -> r.equals("FAIL 0") || r.equals("FAIL 1"));
    String text = dom("#q=pod-hostpath-volume");
    assertThat(visibleRows(text)).containsExactly("FAIL 1");
    assertThat(text).contains("1 of " + sample.findings().size() + " shown");
  }

  @Test
  @DisplayName("a screenshot of the summary is written to target/screenshots/summary.png")
  void screenshot() throws Exception {
    Path shots = Path.of("target", "screenshots").toAbsolutePath();
    Files.createDirectories(shots);
    Path png = shots.resolve("summary.png");
    Files.deleteIfExists(png);
    List<String> command = flags(Files.createTempDirectory(WORK, "profile"));
    command.add("--hide-scrollbars");
    command.add("--window-size=1280,900");
    command.add("--screenshot=" + png);
    command.add(report.toUri().toString());
    ExternalTool run = ExternalTool.run(WORK, 120, command);
    assertThat(png).as("chromium said: %s", run.output()).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).as("distinct colours: a blank page has one").hasSizeGreaterThan(20);
  }
}
