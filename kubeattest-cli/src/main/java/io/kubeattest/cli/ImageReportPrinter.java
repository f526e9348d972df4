package io.kubeattest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.Status;
import io.kubeattest.engine.scan.KubeattestVersion;
import io.kubeattest.image.oci.ImageConfig;
import io.kubeattest.image.sbom.CycloneDxWriter;
import io.kubeattest.image.scan.HardeningFacts;
import io.kubeattest.image.scan.ImagePackage;
import io.kubeattest.image.scan.ImageReport;
import io.kubeattest.report.JsonReporter;
import io.kubeattest.report.TableReporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an image scan: a summary, the packages and the hardening findings as a table; the same as
 * one JSON document ({@code image} + {@code hardening} + the usual {@code scan} report); or the
 * packages as a CycloneDX SBOM. Environment values are never printed (they may hold secrets).
 */
final class ImageReportPrinter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ReportOptions options;
  private final Terminal terminal;

  ImageReportPrinter(ReportOptions options, Terminal terminal) {
    this.options = options;
    this.terminal = terminal;
  }

  /** Prints every requested format to {@code out} or its file and returns the exit code. */
  int print(ImageReport report, ScanResult result, PrintWriter out) {
    ResultPrinter results =
        new ResultPrinter(options, terminal, FrameworkSelection.of(List.of(), List.of()));
    ScanResult shown = results.filter(result);
    for (ReportOptions.Target target : options.resolvedTargets()) {
      try {
        if (target.file() != null) {
          try (Writer file =
              new OutputStreamWriter(
                  Files.newOutputStream(target.file()), StandardCharsets.UTF_8)) {
            write(target, report, shown, file, results);
          }
        } else {
          write(target, report, shown, out, results);
          out.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return results.exitCode(shown);
  }

  private void write(
      ReportOptions.Target target,
      ImageReport report,
      ScanResult result,
      Writer out,
      ResultPrinter results)
      throws IOException {
    switch (target.format()) {
      case CYCLONEDX ->
          out.write(new CycloneDxWriter(KubeattestVersion.current()).write(report, Instant.now()));
      case JSON -> out.write(JSON.writeValueAsString(json(report, result)) + "\n");
      case TABLE -> table(report, result, out, target.file() == null);
      default -> results.reporter(target, result).write(result, out);
    }
  }

  private void table(ImageReport report, ScanResult result, Writer out, boolean terminalOut)
      throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("Image:    ").append(report.name()).append('\n');
    if (report.manifestDigest() != null) {
      s.append("Digest:   ").append(report.manifestDigest()).append('\n');
    }
    s.append("OS:       ")
        .append(report.distro() == null ? "unknown" : report.distro().qualifier())
        .append('\n');
    Map<String, Integer> byType = new TreeMap<>();
    report.packages().forEach(p -> byType.merge(p.installed().type().purlType(), 1, Integer::sum));
    s.append("Packages: ").append(report.packages().size());
    if (!byType.isEmpty()) {
      s.append(" (");
      byType.forEach((k, v) -> s.append(k).append(' ').append(v).append(", "));
      s.setLength(s.length() - 2);
      s.append(')');
    }
    s.append("\n\n");
    int nameWidth = 4;
    int versionWidth = 7;
    for (ImagePackage p : report.packages()) {
      nameWidth = Math.max(nameWidth, p.installed().name().length());
      versionWidth = Math.max(versionWidth, p.installed().fullVersion().length());
    }
    String row =
        "%-6s  %-" + Math.min(nameWidth, 60) + "s  %-" + Math.min(versionWidth, 40) + "s  %s%n";
    if (!report.packages().isEmpty()) {
      s.append(String.format(row, "TYPE", "NAME", "VERSION", "LAYER"));
      for (ImagePackage p : report.packages()) {
        s.append(
            String.format(
                row,
                p.installed().type().purlType(),
                p.installed().name(),
                p.installed().fullVersion(),
                p.layer() == null ? "-" : layerLabel(report, p)));
      }
      s.append('\n');
    }
    if (report.config() != null) {
      s.append(hardeningSummary(result)).append("\n\n");
    }
    out.write(s.toString());
    if (report.config() != null) {
      new TableReporter(terminalOut && terminal.color(options.color), options.showPassed)
          .write(result, out);
    }
  }

  private static String layerLabel(ImageReport report, ImagePackage p) {
    int index = report.layers().indexOf(p.layer());
    return (index + 1) + " " + String.valueOf(p.layer()).substring(7, 19);
  }

  static String hardeningSummary(ScanResult result) {
    long passed = result.findings().stream().filter(f -> f.status() == Status.PASS).count();
    long failed = result.findings().stream().filter(f -> f.status() == Status.FAIL).count();
    return "Hardening: "
        + passed
        + " of "
        + (passed + failed)
        + " checks pass, "
        + failed
        + " fail";
  }

  private static ObjectNode json(ImageReport report, ScanResult result) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode image = root.putObject("image");
    image.put("name", report.name());
    image.put("tag", report.tag());
    image.put("digest", report.manifestDigest() == null ? null : report.manifestDigest().value());
    image.put("imageId", report.imageId() == null ? null : report.imageId().value());
    if (report.distro() != null) {
      image
          .putObject("os")
          .put("id", report.distro().id())
          .put("versionId", report.distro().versionId());
    }
    ImageConfig config = report.config();
    if (config != null) {
      ObjectNode c = image.putObject("config");
      c.put("user", config.user());
      ArrayNode env = c.putArray("envNames");
      config.env().forEach(e -> env.add(e.contains("=") ? e.substring(0, e.indexOf('=')) : e));
      ArrayNode ports = c.putArray("exposedPorts");
      config.exposedPorts().forEach(ports::add);
      if (config.healthcheck() != null) {
        ArrayNode h = c.putArray("healthcheck");
        config.healthcheck().forEach(h::add);
      }
      c.put("created", config.created() == null ? null : config.created().toString());
      ObjectNode labels = c.putObject("labels");
      config.labels().forEach(labels::put);
    }
    ArrayNode layers = image.putArray("layers");
    report.layers().forEach(l -> layers.add(l.value()));
    ArrayNode packages = image.putArray("packages");
    for (ImagePackage p : report.packages()) {
      ObjectNode n = packages.addObject();
      n.put("type", p.installed().type().purlType());
      n.put("name", p.installed().name());
      n.put("version", p.installed().fullVersion());
      n.put("purl", p.purl());
      n.put("layer", p.layer() == null ? null : p.layer().value());
      n.put("location", p.installed().location());
    }
    ArrayNode warnings = image.putArray("warnings");
    report.warnings().forEach(warnings::add);
    ArrayNode notes = image.putArray("notes");
    report.notes().forEach(notes::add);
    HardeningFacts facts = report.hardening();
    if (facts != null) {
      ObjectNode h = root.putObject("hardening");
      h.put("summary", hardeningSummary(result));
      h.set("facts", JSON.valueToTree(facts));
      ArrayNode failed = h.putArray("failedRules");
      result.findings().stream()
          .filter(f -> f.status() == Status.FAIL)
          .map(Finding::ruleId)
          .forEach(failed::add);
    }
    StringWriter scan = new StringWriter();
    new JsonReporter().write(result, scan);
    JsonNode scanTree = JSON.readTree(scan.toString());
    root.set("scan", scanTree);
    return root;
  }
}
