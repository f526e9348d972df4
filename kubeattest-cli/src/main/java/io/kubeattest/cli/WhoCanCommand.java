package io.kubeattest.cli;

import io.kubeattest.engine.k8s.KubernetesObject;
import io.kubeattest.engine.model.InputNote;
import io.kubeattest.engine.rbac.Grant;
import io.kubeattest.engine.rbac.RbacGraph;
import io.kubeattest.sources.cluster.ClusterSink;
import io.kubeattest.sources.cluster.ClusterSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeattest cluster who-can VERB RESOURCE [-n NS]}: subjects and their RBAC paths. */
@Command(
    name = "who-can",
    mixinStandardHelpOptions = true,
    description = {
      "Who may VERB RESOURCE (a plural such as secrets, or a subresource such as pods/exec):"
          + " every user, group and service account, with the binding and role that grant it,"
          + " aggregated ClusterRoles included.",
      "",
      "Exit codes: 0 answered (even when nobody may), 2 usage error or the cluster could not be"
          + " read."
    })
final class WhoCanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "VERB", description = "get, list, create, escalate, ...")
  String verb = "";

  @Parameters(index = "1", paramLabel = "RESOURCE", description = "secrets, pods/exec, ...")
  String resource = "";

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Only grants that apply in NS (default: grants in any namespace).")
  @Nullable String namespace;

  @Mixin ClusterOptionsMixin cluster = new ClusterOptionsMixin();

  private final KubeattestCommand.Context context;

  WhoCanCommand(KubeattestCommand.Context context) {
    this.context = context;
    this.spec = picocli.CommandLine.Model.CommandSpec.create();
  }

  @Override
  public Integer call() {
    List<KubernetesObject> objects = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    boolean[] incomplete = {false};
    try (ClusterSource source = ClusterSource.connect(cluster.resolve(context.env()))) {
      source.read(
          new ClusterSink() {
            @Override
            public void object(KubernetesObject object) {
              objects.add(object);
            }

            @Override
            public void note(InputNote note) {
              incomplete[0] = true;
              err.println("warning: " + note.message() + "; the answer may be incomplete");
            }
          },
          Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"));
    }
    List<Grant> grants = RbacGraph.of(objects).whoCan(verb, resource, namespace);
    PrintWriter out = spec.commandLine().getOut();
    String question =
        verb + " " + resource + (namespace == null ? "" : " in namespace " + namespace);
    if (grants.isEmpty()) {
      out.println("Nobody may " + question + (incomplete[0] ? " (as far as could be read)." : "."));
      return ExitCode.OK;
    }
    out.println("Who may " + question + ":");
    String previous = "";
    for (Grant grant : grants) {
      String subject = grant.subject().display();
      if (!subject.equals(previous)) {
        out.println(subject);
        previous = subject;
      }
      out.println("  " + grant.scope() + ": " + grant.path());
    }
    return ExitCode.OK;
  }
}
