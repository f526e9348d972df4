#!/usr/bin/env bash
# Lays out a bundled example node where `kubeattest node` can read it:
#   examples-node/prepare.sh examples-node/kubeadm /tmp/kubeadm-node
#   ./kubeattest node --root /tmp/kubeadm-node/root --proc /tmp/kubeadm-node/proc
# git keeps neither file modes nor owners, so the tree is copied and every mode is set from
# NAME.modes (mode, type, path; empty directories are made); the copy's /etc/passwd and /etc/group name your own uid and gid "root", so that
# ownership checks read as they would on a real node where the files belong to root.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 EXAMPLE-DIR DEST-DIR" >&2
  exit 2
fi
src="${1%/}"
dest="$2"
modes="$src.modes"
[ -d "$src" ] || { echo "prepare.sh: $src: no such example" >&2; exit 2; }
[ -f "$modes" ] || { echo "prepare.sh: $modes: no modes file" >&2; exit 2; }
[ -e "$dest" ] && { echo "prepare.sh: $dest exists; refusing to overwrite" >&2; exit 2; }
mkdir -p "$dest"
cp -R "$src/root" "$src/proc" "$dest/"
while read -r mode type path; do
  # git keeps no empty directories: make the ones the tree needs
  if [ "$type" = d ]; then
    mkdir -p "$dest/$path"
  fi
  chmod "$mode" "$dest/$path"
done < "$modes"
printf 'root:x:%s:%s:root:/root:/bin/sh\n' "$(id -u)" "$(id -g)" > "$dest/root/etc/passwd"
printf 'root:x:%s:\n' "$(id -g)" > "$dest/root/etc/group"
chmod 644 "$dest/root/etc/passwd" "$dest/root/etc/group"
echo "$dest: node tree ready (root: $dest/root, proc: $dest/proc)"
