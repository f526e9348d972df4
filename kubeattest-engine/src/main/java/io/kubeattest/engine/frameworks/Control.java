package io.kubeattest.engine.frameworks;

import java.util.List;

/**
 * One control of a framework.
 *
 * @param section the id of the section it belongs to
 * @param rules rule ids the framework file names explicitly; rules that name this control in their
 *     own {@code frameworks:} map evidence it too (see {@link FrameworkCoverage})
 * @param manual true when a person checks the control; {@code procedure} says how
 * @param procedure how to check the control by hand; empty when not manual
 * @param baselines the baselines (for example {@code fedramp-moderate}) that include the control
 */
public record Control(
    String id,
    String title,
    String section,
    List<String> rules,
    boolean manual,
    String procedure,
    List<String> baselines) {
  public Control {
    rules = List.copyOf(rules);
    baselines = List.copyOf(baselines);
  }
}
