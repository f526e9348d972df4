package io.kubeattest.engine.model;

import java.util.List;

/**
 * How far a finding's workload reaches: whether traffic from outside the cluster can get to it and
 * by which way, and what an attacker holding it would also hold.
 *
 * @param external reachable from outside the cluster (LoadBalancer or NodePort Service, Ingress,
 *     host network or host port)
 * @param via each way in, such as {@code Service shop/web (LoadBalancer)}, {@code Ingress shop/web
 *     -> Service web}, {@code hostNetwork}, {@code hostPort 8080}
 * @param blastRadius what a compromise brings, such as {@code privileged container app}, {@code
 *     hostPath /var/run}, {@code service account shop/default can read secrets}
 */
public record Exposure(boolean external, List<String> via, List<String> blastRadius) {
  public Exposure {
    via = List.copyOf(via);
    blastRadius = List.copyOf(blastRadius);
  }

  /** True when there is nothing to say: not external and no blast radius. */
  public boolean isEmpty() {
    return !external && via.isEmpty() && blastRadius.isEmpty();
  }
}
