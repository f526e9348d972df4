package io.kubeattest.cli;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // sqlite-jdbc logs through SLF4J; without a provider SLF4J prints a three-line notice to stderr
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(KubeattestCommand.run(args, System.in, System.out, System.err, System.getenv()));
  }
}
