#!/usr/bin/env bash
# Rebuilds build/feed/patched.distributedlock.postgres.1.3.3.nupkg from the .nuspec beside this script.
# A .nupkg is a zip holding the .nuspec plus OPC metadata; it needs no compiled content, so python3 (for zipping) is all it takes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
feed="$here/../feed"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/Patched.DistributedLock.Postgres.nuspec" "$work/"
mkdir -p "$work/_rels"
cat > "$work/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="nuspec" ContentType="application/octet" /></Types>
XML
cat > "$work/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/Patched.DistributedLock.Postgres.nuspec" Id="R1" /></Relationships>
XML
mkdir -p "$feed"
out="$feed/patched.distributedlock.postgres.1.3.3.nupkg"
rm -f "$out"
python3 - "$work" "$out" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk(src):
        for f in files:
            full = os.path.join(root, f)
            z.write(full, os.path.relpath(full, src))
PY
echo "wrote $out"
