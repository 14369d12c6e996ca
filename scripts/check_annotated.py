#!/usr/bin/env python3
"""Open every review copy with python-docx (an independent DOCX reader) and check its comments.

Usage: check_annotated.py REPORT.json REVIEW_DIR

REPORT.json is the `--format json` report of the same run that wrote the review copies with
`--annotate-dir REVIEW_DIR`. For each DOCX letter in it, REVIEW_DIR/<name>.reviewed.docx must
open, hold exactly one comment by "retainer-lint" per finding plus the summary comment, keep
every comment the letter already had, and each finding's comment must start with its rule id.
Exit status 1 on any mismatch. Requires `pip install python-docx` (1.2 or later: comments).
"""
import json
import os
import sys

import docx

AUTHOR = "retainer-lint"


def comments(path):
    document = docx.Document(path)
    return [(c.author, c.text) for c in document.comments]


def main():
    report_path, review_dir = sys.argv[1], sys.argv[2]
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    checked = failed = skipped = total = 0
    for entry in report["files"]:
        if entry.get("format") != "docx" or entry.get("error"):
            continue
        original = entry["path"]
        stem = os.path.splitext(os.path.basename(original))[0]
        copy = os.path.join(review_dir, stem + ".reviewed.docx")
        findings = entry["diagnostics"]
        try:
            before = comments(original)
        except Exception as e:  # noqa: BLE001 - python-docx's own limits (strict OOXML)
            print(f"SKIP {original}: python-docx cannot open the original either: {e}")
            skipped += 1
            continue
        try:
            after = comments(copy)
        except Exception as e:  # noqa: BLE001 - any failure to open is the finding
            print(f"FAIL {copy}: python-docx cannot open it: {e}")
            failed += 1
            continue
        ours = [text for author, text in after if author == AUTHOR]
        ours_before = [text for author, text in before if author == AUTHOR]
        problems = []
        if len(ours) - len(ours_before) != len(findings) + 1:
            problems.append(
                f"{len(ours) - len(ours_before)} new comments for {len(findings)} findings + summary"
            )
        if [c for c in before if c not in after]:
            problems.append("an existing comment was lost or changed")
        new = ours[len(ours_before):] if ours_before else ours
        if new and not new[0].startswith("retainer-lint review:"):
            problems.append("the first new comment is not the summary")
        for d, text in zip(findings, new[1:]):
            if not text.startswith(d["rule"]):
                problems.append(f"comment {text[:40]!r} is not about {d['rule']}")
                break
        checked += 1
        total += len(ours) - len(ours_before)
        if problems:
            failed += 1
            print(f"FAIL {copy}: " + "; ".join(problems))
    print(
        f"python-docx: {checked} review copies opened, {total} comments checked, "
        f"{failed} failed, {skipped} skipped (original unreadable by python-docx)"
    )
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
