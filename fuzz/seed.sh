#!/usr/bin/env bash
# Builds the seed corpora the fuzz targets start from (fuzz/corpus/, not in git). Real
# documents are read in place from ../shared/corpus/docx/ when it is there; see CONTRIBUTING.md.
set -euo pipefail
cd "$(dirname "$0")"
shared="${SHARED_DOCX:-../../shared/corpus/docx}"
[ -d "$shared" ] || shared="../../../shared/corpus/docx"
mkdir -p corpus/docx_bytes corpus/docx_document_xml corpus/markdown corpus/config corpus/lint
python3 - "$shared" <<'PY'
import pathlib, sys, zipfile
shared = pathlib.Path(sys.argv[1])
out = pathlib.Path("corpus/docx_document_xml")
if shared.is_dir():
    for f in sorted(shared.rglob("*.docx")):
        try:
            with zipfile.ZipFile(f) as z:
                xml = z.read("word/document.xml")
        except Exception:
            continue
        (out / f"{f.parent.name}-{f.stem}.xml").write_bytes(xml)
for f in sorted(pathlib.Path("../fixtures").rglob("*.docx")):
    with zipfile.ZipFile(f) as z:
        (out / f"fixture-{f.stem}.xml").write_bytes(z.read("word/document.xml"))
# config: a configuration extending a firm pack, NUL, the pack (each built-in pack as one).
cfg = pathlib.Path("corpus/config")
for p in sorted(pathlib.Path("../rules").glob("*.toml")):
    text = p.read_bytes()
    (cfg / p.stem).write_bytes(b'extends = ["./pack.toml"]\n[params]\nmax_business_days = 2\n\0' + text)
PY
echo "seeds in fuzz/corpus/; the shared corpus ($shared) and fixtures/ are read in place"
