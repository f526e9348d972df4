#!/usr/bin/env python3
"""Packs a root filesystem directory as a one-layer OCI image layout, then tars the layout.

usage: pack-oci.py ROOTFS OUT_DIR   -> OUT_DIR/layout/ and OUT_DIR/image.tar
"""
import gzip, hashlib, json, os, shutil, subprocess, sys, tarfile

rootfs, out = sys.argv[1], sys.argv[2]
layout = os.path.join(out, "layout")
blobs = os.path.join(layout, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)

def put(data: bytes, media_type: str):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return {"mediaType": media_type, "digest": "sha256:" + digest, "size": len(data)}

layer_tar = os.path.join(out, "layer.tar")
subprocess.run(["tar", "--numeric-owner", "--sort=name", "-C", rootfs, "-cf", layer_tar, "."], check=True)
diff_id = hashlib.sha256()
with open(layer_tar, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        diff_id.update(chunk)
with open(layer_tar, "rb") as f:
    layer = put(gzip.compress(f.read(), compresslevel=6), "application/vnd.oci.image.layer.v1.tar+gzip")
os.remove(layer_tar)
config = {
    "architecture": "amd64", "os": "linux", "created": "2026-01-01T00:00:00Z",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["bash"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id.hexdigest()]},
}
cfg = put(json.dumps(config).encode(), "application/vnd.oci.image.config.v1+json")
manifest = put(json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": cfg, "layers": [layer]}).encode(), "application/vnd.oci.image.manifest.v1+json")
manifest["annotations"] = {"org.opencontainers.image.ref.name": "bookworm-minbase"}
with open(os.path.join(layout, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [manifest]}, f)
with open(os.path.join(layout, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
with tarfile.open(os.path.join(out, "image.tar"), "w") as t:
    for name in sorted(os.listdir(layout)):
        t.add(os.path.join(layout, name), arcname=name)
print(layer["size"], "bytes compressed layer,", os.path.getsize(os.path.join(out, "image.tar")), "bytes image.tar")
