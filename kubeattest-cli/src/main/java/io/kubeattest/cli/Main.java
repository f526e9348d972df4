package io.kubeattest.cli;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // the Kubernetes client logs through SLF4J and kubeattest binds no logger: keep SLF4J from
    // printing its "no providers" warning on every run (the CLI prints what the user needs)
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(KubeattestCommand.run(args, System.in, System.out, System.err, System.getenv()));
  }
}
