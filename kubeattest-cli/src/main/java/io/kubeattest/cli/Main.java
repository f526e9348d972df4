package io.kubeattest.cli;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KubeattestCommand.run(args, System.in, System.out, System.err, System.getenv()));
  }
}
