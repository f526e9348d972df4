package io.kubeattest.report;

import io.kubeattest.engine.frameworks.ControlResult;
import io.kubeattest.engine.frameworks.FrameworkScore;
import io.kubeattest.engine.frameworks.SectionScore;
import io.kubeattest.engine.model.Finding;
import io.kubeattest.engine.model.Rule;
import io.kubeattest.engine.model.ScanResult;
import io.kubeattest.engine.model.SourceLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * JUnit XML, as CI servers read it. With framework scores: one {@code testsuite} per framework and
 * one {@code testcase} per control (FAILED is a failure; MANUAL and NOT_EVALUATED are skipped).
 * Without: one {@code testsuite} per rule family (the rule file) and one {@code testcase} per
 * finding (FAIL is a failure, ERROR an error, WARN, INFO and SKIP are skipped).
 */
public final class JunitReporter implements Reporter {
  private final RuleIndex rules;
  private final List<FrameworkScore> scores;

  public JunitReporter(List<Rule> rules, List<FrameworkScore> scores) {
    this.rules = new RuleIndex(rules);
    this.scores = List.copyOf(scores);
  }

  /** One test case before it is written. */
  private record Case(
      String classname, String name, @Nullable String outcome, String message, String detail) {}

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, List<Case>> suites = scores.isEmpty() ? byFamily(result) : byFramework();
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newFactory().createXMLStreamWriter(new NonClosingWriter(out));
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "kubeattest " + result.metadata().scanKind());
      xml.writeAttribute("tests", Integer.toString(count(suites, null, true)));
      xml.writeAttribute("failures", Integer.toString(count(suites, "failure", false)));
      xml.writeAttribute("errors", Integer.toString(count(suites, "error", false)));
      xml.writeAttribute("skipped", Integer.toString(count(suites, "skipped", false)));
      xml.writeCharacters("\n");
      for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
        Map<String, List<Case>> one = Map.of(suite.getKey(), suite.getValue());
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.getKey());
        xml.writeAttribute("tests", Integer.toString(suite.getValue().size()));
        xml.writeAttribute("failures", Integer.toString(count(one, "failure", false)));
        xml.writeAttribute("errors", Integer.toString(count(one, "error", false)));
        xml.writeAttribute("skipped", Integer.toString(count(one, "skipped", false)));
        xml.writeAttribute("timestamp", result.metadata().startedAt().toString());
        xml.writeCharacters("\n");
        for (Case test : suite.getValue()) {
          xml.writeCharacters("    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", test.classname());
          xml.writeAttribute("name", test.name());
          if (test.outcome() != null) {
            xml.writeStartElement(test.outcome());
            xml.writeAttribute("message", test.message());
            if (!test.outcome().equals("skipped")) {
              xml.writeAttribute("type", test.outcome().equals("failure") ? "FAIL" : "ERROR");
            }
            if (!test.detail().isEmpty()) {
              xml.writeCharacters(test.detail());
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static int count(Map<String, List<Case>> suites, @Nullable String outcome, boolean all) {
    return (int)
        suites.values().stream()
            .flatMap(List::stream)
            .filter(c -> all || (outcome != null && outcome.equals(c.outcome())))
            .count();
  }

  private Map<String, List<Case>> byFramework() {
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    for (FrameworkScore score : scores) {
      List<Case> cases = new ArrayList<>();
      for (SectionScore section : score.sections()) {
        for (ControlResult control : section.controls()) {
          String classname = score.framework().id() + "." + section.section().id();
          String name = control.control().id() + " " + control.control().title();
          String rulesText = String.join(", ", control.rules());
          cases.add(
              switch (control.status()) {
                case PASSED -> new Case(classname, name, null, "", "");
                case FAILED ->
                    new Case(
                        classname,
                        name,
                        "failure",
                        control.failedFindings() + " failing finding(s) of " + rulesText,
                        "rules: " + rulesText);
                case MANUAL ->
                    new Case(
                        classname,
                        name,
                        "skipped",
                        "manual: "
                            + (control.control().procedure().isEmpty()
                                ? "a person decides"
                                : control.control().procedure()),
                        "");
                case NOT_EVALUATED ->
                    new Case(
                        classname,
                        name,
                        "skipped",
                        control.rules().isEmpty()
                            ? "not evaluated: no automated evidence"
                            : "not evaluated: no subject for " + rulesText,
                        "");
              });
        }
      }
      suites.put(score.framework().id(), cases);
    }
    return suites;
  }

  private Map<String, List<Case>> byFamily(ScanResult result) {
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      String family = rules.find(finding.ruleId()).map(JunitReporter::family).orElse("other");
      String name = finding.subject().id();
      String message = finding.message().isEmpty() ? finding.title() : finding.message();
      SourceLocation where = finding.evidence().location();
      String detail =
          (where == null ? "" : where + "\n")
              + (finding.evidence().present()
                  ? finding.evidence().path()
                      + " = "
                      + ValueFormat.compact(finding.evidence().value(), 200)
                  : "");
      String classname = family + "." + finding.ruleId();
      Case test =
          switch (finding.status()) {
            case PASS -> new Case(classname, name, null, "", "");
            case FAIL ->
                new Case(
                    classname,
                    name,
                    "failure",
                    finding.severity().label() + ": " + message,
                    detail);
            case ERROR -> new Case(classname, name, "error", message, detail);
            case WARN, INFO, SKIP, EXEMPT ->
                new Case(classname, name, "skipped", finding.status().name() + ": " + message, "");
          };
      suites.computeIfAbsent(family, k -> new ArrayList<>()).add(test);
    }
    return suites;
  }

  /** The rule file's name without folder and extension, e.g. {@code container-security}. */
  private static String family(Rule rule) {
    String file = rule.source().file();
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf(':')) + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
