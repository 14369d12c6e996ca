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
# config: a configuration extending a firm pack, NUL, the pack. One seed per rule of each
# built-in pack (its [pack] header and fragments, then that rule with its examples): a whole
# pack checks all its examples, which under the sanitizer takes longer than the timeout.
import re
cfg = pathlib.Path("corpus/config")
head = b'extends = ["./pack.toml"]\n[params]\nmax_business_days = 2\n\0'
for p in sorted(pathlib.Path("../rules").glob("*.toml")):
    text = p.read_text()
    starts = [m.start() for m in re.finditer(r"^\[\[(rule|tighten)\]\]", text, re.M)]
    if not starts:
        continue
    header = text[: starts[0]]
    for n, (a, b) in enumerate(zip(starts, starts[1:] + [len(text)])):
        (cfg / f"{p.stem}-{n:03}").write_bytes(head + (header + text[a:b]).encode())
PY
# Minimized corpora saved from earlier long runs (fuzz/saved/TARGET.tar.xz), so that a run on
# a new machine resumes where the last one stopped instead of starting from the seeds.
for saved in saved/*.tar.xz; do
  [ -e "$saved" ] && tar -C corpus -xJf "$saved"
done
echo "seeds in fuzz/corpus/; the shared corpus ($shared) and fixtures/ are read in place"
