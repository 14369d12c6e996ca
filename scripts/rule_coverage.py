#!/usr/bin/env python3
"""For each rule: how many fixture letters exercise it positively (the expected file lists it:
the letter must fire it) and negatively (the rule is enabled for the letter and not listed:
the letter must not fire it at error or warning level). Letters are counted once per stem
(a letter's Markdown and DOCX are one letter). Usage: scripts/rule_coverage.py [DIR ...]"""
import pathlib
import sys
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
dirs = [pathlib.Path(d) for d in sys.argv[1:]] or sorted(
    p for p in (root / "fixtures").iterdir() if p.is_dir() and (p.name == "letters" or p.name.startswith("holdout"))
)
packs = {}
for f in sorted((root / "rules").glob("*.toml")):
    pack = tomllib.loads(f.read_text())
    packs[f.stem] = [r["id"] for r in pack.get("rule", [])]
rules = [r for p in packs.values() for r in p]
pos = {r: set() for r in rules}
neg = {r: set() for r in rules}
for d in dirs:
    for exp in sorted(d.glob("*.expected.toml")):
        stem = exp.name.split(".")[0]
        letter = f"{d.name}/{stem}"
        t = tomllib.loads(exp.read_text())
        enabled = packs["core"] + packs.get(t.get("jurisdiction", ""), [])
        listed = {f["rule"] for f in t.get("finding", []) if not f.get("optional")}
        for r in enabled:
            (pos if r in listed else neg)[r].add(letter)
print("| rule | letters that must fire it | letters that must not |")
print("|---|---|---|")
for r in rules:
    print(f"| `{r}` | {len(pos[r])} | {len(neg[r])} |")
letters = {l for s in list(pos.values()) + list(neg.values()) for l in s}
print(f"\n{len(letters)} letters in {', '.join(d.name for d in dirs)}")
