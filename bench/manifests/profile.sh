#!/usr/bin/env bash
# Where kubeattest spends its time on one input: a JFR recording (2 ms sampling, deep stacks) of the
# benchmark's jar snapshot, printed as a tree of kubeattest frames (inclusive share of samples, >= 1.5%)
# and the busiest non-JDK frames at the top of the stacks. Run run.sh once first (it makes the snapshot).
# Usage: [FORMAT=table] profile.sh [PATH]    (default: the 2,000-object multi-document corpus, JSON report)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(cd "$here/.." && pwd)/.work"
snap="$work/kubeattest"
target="${1:-$work/corpus-1000/all.yaml}"
[ -f "$snap/kubeattest.jsa" ] || { echo "profile.sh: run run.sh first (no jar snapshot in $snap)" >&2; exit 2; }
mkdir -p "$work/prof"
cat > "$work/prof/sampling.jfc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">2 ms</setting></event>
</configuration>
EOF
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m -XX:SharedArchiveFile="$snap/kubeattest.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -XX:FlightRecorderOptions:stackdepth=1024 \
  -XX:StartFlightRecording=settings="$work/prof/sampling.jfc",filename="$work/prof/run.jfr" \
  -jar "$snap/kubeattest.jar" manifests "$target" -q -o "${FORMAT:-json}" >/dev/null 2>"$work/prof/run.stderr"
jfr print --json --stack-depth 1024 --events jdk.ExecutionSample "$work/prof/run.jfr" > "$work/prof/run.json"
python3 - "$work/prof/run.json" <<'EOF'
import collections, json, sys
events = [e for e in json.load(open(sys.argv[1]))["recording"]["events"] if e["values"].get("stackTrace")]
name = lambda f: f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
tree, busy = collections.Counter(), collections.Counter()
for e in events:
    frames = [name(f) for f in e["values"]["stackTrace"]["frames"]]  # innermost first
    busy[next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[0])] += 1
    chain = []
    for f in reversed(frames):
        if f.startswith("io.kubeattest.") and (not chain or chain[-1] != f):
            chain.append(f)
    for i in range(1, len(chain) + 1):
        tree[tuple(chain[:i])] += 1
n = len(events)
print(f"{n} samples (2 ms each, Java code only)\n\nkubeattest frames, inclusive:")
for path in sorted(tree):
    if tree[path] * 100 / n >= 1.5:
        print(f"{tree[path] * 100 / n:5.1f}% {'  ' * (len(path) - 1)}{path[-1].replace('io.kubeattest.', '')}")
print("\nbusiest frames (innermost non-JDK frame of each sample):")
for f, c in busy.most_common(15):
    print(f"{c * 100 / n:5.1f}% {f}")
EOF
