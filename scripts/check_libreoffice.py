#!/usr/bin/env python3
"""Open every review copy with LibreOffice and check the comments survive (not run in CI).

Usage: check_libreoffice.py REPORT.json REVIEW_DIR OUT_DIR

For each DOCX letter of REPORT.json (the `--format json` report of the run that wrote
REVIEW_DIR with `--annotate-dir`), `soffice --headless` converts REVIEW_DIR/<name>.reviewed.docx
to PDF and to ODT in OUT_DIR. Checks: the PDF is written; the ODT holds one annotation by
"retainer-lint" per finding plus the summary, and each finding's first line is among them.
Requires LibreOffice Writer (`apt-get install libreoffice-writer-nogui`).
"""
import json
import os
import re
import subprocess
import sys
import zipfile
from html import unescape


def convert(fmt, files, out_dir):
    for i in range(0, len(files), 40):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", fmt, "--outdir", out_dir, *files[i:i + 40]],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800,
        )


def spaces(paragraph):
    """ODF writes runs of spaces as <text:s text:c="N"/> and tabs as <text:tab/>."""
    paragraph = re.sub(r'<text:s text:c="(\d+)"\s*/>', lambda m: " " * int(m.group(1)), paragraph)
    paragraph = re.sub(r"<text:s\s*/>", " ", paragraph)
    return re.sub(r"<text:tab\s*/>", "\t", paragraph)


def annotations(odt):
    with zipfile.ZipFile(odt) as z:
        xml = z.read("content.xml").decode("utf-8")
    found = []
    # `[\s>]`, not `\b`: `<office:annotation-end .../>` marks where a comment's range ends.
    for body in re.findall(r"<office:annotation[\s>].*?</office:annotation>", xml, re.S):
        creator = re.search(r"<dc:creator>(.*?)</dc:creator>", body, re.S)
        paragraphs = re.findall(r"<text:p(?:\s[^>]*)?>(.*?)</text:p>", body, re.S)
        text = "\n".join(unescape(re.sub(r"<[^>]+>", "", spaces(p))) for p in paragraphs)
        found.append((unescape(creator.group(1)) if creator else None, text))
    return found


def main():
    report_path, review_dir, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    letters = []
    for entry in report["files"]:
        if entry.get("format") != "docx" or entry.get("error"):
            continue
        stem = os.path.splitext(os.path.basename(entry["path"]))[0]
        letters.append((entry, os.path.join(review_dir, stem + ".reviewed.docx")))
    copies = [c for _, c in letters]
    convert("pdf", copies, out_dir)
    convert("odt", copies, out_dir)
    ok = failed = comments = 0
    for entry, copy in letters:
        base = os.path.join(out_dir, os.path.splitext(os.path.basename(copy))[0])
        problems = []
        if not os.path.exists(base + ".pdf") or os.path.getsize(base + ".pdf") == 0:
            problems.append("no PDF")
        if not os.path.exists(base + ".odt"):
            problems.append("no ODT")
        else:
            ours = [t for a, t in annotations(base + ".odt") if a == "retainer-lint"]
            expected = len(entry["diagnostics"]) + 1
            if len(ours) != expected:
                problems.append(f"{len(ours)} comments in LibreOffice, {expected} expected")
            texts = "\n".join(ours)
            for d in entry["diagnostics"]:
                if f"{d['rule']} ({d['severity']}): {d['message']}" not in texts:
                    problems.append(f"no comment for {d['rule']}")
                    break
            comments += len(ours)
        if problems:
            failed += 1
            print(f"FAIL {copy}: " + "; ".join(problems))
        else:
            ok += 1
    print(f"LibreOffice: {ok} review copies converted to PDF and ODT with every comment, "
          f"{failed} failed, {comments} comments found")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
