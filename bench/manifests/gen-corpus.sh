#!/usr/bin/env bash
# Generates a deterministic corpus of N Deployments + N Services (default N=1000) in two layouts:
#   OUTDIR/files/<namespace>/<name>-{deployment,service}.yaml   one object per file (2N files)
#   OUTDIR/all.yaml                                              the same 2N objects, one multi-doc file
# Same N and SEED give the same bytes on every machine: the pseudo-random numbers come from a
# Park-Miller generator written in awk (awk's own rand() differs between mawk and gawk).
# Usage: gen-corpus.sh [N] [OUTDIR] [SEED]
set -euo pipefail
n="${1:-1000}"
out="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.work/corpus-$n}"
seed="${3:-20240601}"
case "$n$seed" in *[!0-9]*) echo "gen-corpus: N and SEED must be positive integers" >&2; exit 2 ;; esac

rm -rf "$out/files" "$out/all.yaml"
mkdir -p "$out/files"
LC_ALL=C awk -v n="$n" -v seed="$seed" -v out="$out" '
function rnd() { state = (state * 16807) % 2147483647; return state / 2147483647 }
function pick(list,   a, k) { k = split(list, a, " "); return a[int(rnd() * k) + 1] }
function chance(p) { return rnd() < p }
function hex(len,   s, i) { s = ""; for (i = 0; i < len; i++) s = s substr("0123456789abcdef", int(rnd() * 16) + 1, 1); return s }
function image(name,   r, reg) {
  reg = pick("registry.example.com docker.io/library ghcr.io/acme quay.io/acme 123456789012.dkr.ecr.eu-west-1.amazonaws.com")
  r = rnd()
  if (r < 0.55) return reg "/" name ":" int(rnd() * 4) "." int(rnd() * 20) "." int(rnd() * 10)
  if (r < 0.75) return reg "/" name "@sha256:" hex(64)
  if (r < 0.85) return reg "/" name ":" int(rnd() * 3) "." int(rnd() * 9) "@sha256:" hex(64)
  if (r < 0.93) return reg "/" name ":latest"
  return reg "/" name
}
function emit(file, text) { printf "%s", text > file; close(file); printf "---\n%s", text > all }
function container(name, ind, hard, init,   s, r, port) {
  s = ind "- name: " name "\n" ind "  image: " image(pick("api web worker cache proxy auth search billing ingest notifier")) "\n"
  if (chance(0.3)) s = s ind "  imagePullPolicy: " pick("Always IfNotPresent") "\n"
  if (!init) {
    port = pick("80 8080 8443 9090 3000 5000")
    s = s ind "  ports:\n" ind "    - name: http\n" ind "      containerPort: " port "\n" ind "      protocol: TCP\n"
  }
  if (chance(0.5)) s = s ind "  env:\n" ind "    - name: LOG_LEVEL\n" ind "      value: " pick("info debug warn") "\n" ind "    - name: POD_NAME\n" ind "      valueFrom:\n" ind "        fieldRef:\n" ind "          fieldPath: metadata.name\n"
  r = rnd()
  if (r < 0.55) s = s ind "  resources:\n" ind "    requests:\n" ind "      cpu: " pick("50m 100m 250m 500m") "\n" ind "      memory: " pick("64Mi 128Mi 256Mi 512Mi") "\n" ind "    limits:\n" ind "      cpu: " pick("200m 500m 1 2") "\n" ind "      memory: " pick("256Mi 512Mi 1Gi 2Gi") "\n"
  else if (r < 0.75) s = s ind "  resources:\n" ind "    requests:\n" ind "      cpu: " pick("50m 100m") "\n" ind "      memory: " pick("64Mi 128Mi") "\n"
  if (!init) {
    r = rnd()
    if (r < 0.7) s = s ind "  livenessProbe:\n" ind "    httpGet:\n" ind "      path: /healthz\n" ind "      port: " port "\n" ind "    periodSeconds: 10\n"
    if (r < 0.5) s = s ind "  readinessProbe:\n" ind "    httpGet:\n" ind "      path: /ready\n" ind "      port: " port "\n" ind "    initialDelaySeconds: 5\n"
  }
  if (hard == 2) s = s ind "  securityContext:\n" ind "    allowPrivilegeEscalation: false\n" ind "    readOnlyRootFilesystem: true\n" ind "    runAsNonRoot: true\n" ind "    capabilities:\n" ind "      drop: [\"ALL\"]\n"
  else if (hard == 1) s = s ind "  securityContext:\n" ind "    allowPrivilegeEscalation: " pick("false true") "\n" (chance(0.5) ? ind "    readOnlyRootFilesystem: true\n" : "") (chance(0.3) ? ind "    capabilities:\n" ind "      add: [\"NET_ADMIN\"]\n" : "")
  else if (hard == 3) s = s ind "  securityContext:\n" ind "    privileged: true\n"
  if (chance(0.4)) s = s ind "  volumeMounts:\n" ind "    - name: config\n" ind "      mountPath: /etc/app\n" ind "      readOnly: true\n"
  return s
}
BEGIN {
  state = seed % 2147483646 + 1
  all = out "/all.yaml"
  split("payments shop identity search data platform monitoring default", nss, " ")
  split("api gateway checkout cart orders users ledger catalog indexer reporter mailer scheduler", words, " ")
  for (i = 1; i <= n; i++) {
    ns = nss[int(rnd() * 8) + 1]
    name = words[int(rnd() * 12) + 1] "-" sprintf("%04d", i)
    dir = out "/files/" ns
    if (!(ns in made)) { system("mkdir -p \"" dir "\""); made[ns] = 1 }
    r = rnd(); hard = r < 0.4 ? 2 : r < 0.7 ? 1 : r < 0.97 ? 0 : 3
    d = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " name "\n  namespace: " ns "\n  labels:\n    app.kubernetes.io/name: " name "\n    app.kubernetes.io/part-of: " ns "\n"
    if (chance(0.3)) d = d "  annotations:\n    deployment.kubernetes.io/revision: \"" int(rnd() * 40 + 1) "\"\n"
    d = d "spec:\n  replicas: " int(rnd() * 5 + 1) "\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: " name "\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: " name "\n    spec:\n"
    if (chance(0.5)) d = d "      serviceAccountName: " name "\n"
    if (chance(0.03)) d = d "      hostNetwork: true\n"
    if (chance(0.01)) d = d "      hostPID: true\n"
    if (hard == 2) d = d "      securityContext:\n        runAsNonRoot: true\n        runAsUser: " 10000 + int(rnd() * 1000) "\n        fsGroup: 2000\n        seccompProfile:\n          type: RuntimeDefault\n"
    if (chance(0.25)) d = d "      initContainers:\n" container("init-" name, "        ", hard, 1)
    d = d "      containers:\n"
    r = rnd(); k = r < 0.6 ? 1 : r < 0.9 ? 2 : 3
    for (c = 1; c <= k; c++) d = d container(c == 1 ? name : pick("sidecar metrics envoy logshipper") "-" c, "        ", hard, 0)
    d = d "      volumes:\n        - name: config\n          configMap:\n            name: " name "-config\n"
    if (chance(0.05)) d = d "        - name: host\n          hostPath:\n            path: " pick("/var/run/docker.sock /var/log /etc /proc") "\n"
    if (chance(0.3)) d = d "        - name: tmp\n          emptyDir: {}\n"
    emit(dir "/" name "-deployment.yaml", d)

    r = rnd(); type = r < 0.8 ? "ClusterIP" : r < 0.93 ? "NodePort" : "LoadBalancer"
    s = "apiVersion: v1\nkind: Service\nmetadata:\n  name: " name "\n  namespace: " ns "\n  labels:\n    app.kubernetes.io/name: " name "\nspec:\n  type: " type "\n  selector:\n    app.kubernetes.io/name: " name "\n  ports:\n    - name: http\n      port: " pick("80 443 8080") "\n      targetPort: http\n      protocol: TCP\n"
    if (type == "NodePort") s = s "      nodePort: " 30000 + int(rnd() * 2767) "\n"
    emit(dir "/" name "-service.yaml", s)
  }
}'
echo "gen-corpus: $((2 * n)) objects in $out/files (one per file) and $out/all.yaml (one multi-doc file)" >&2
