#!/usr/bin/env bash
# Writes lint.dict, the libFuzzer dictionary for the `lint` target: letter structure, money,
# times and contacts the rules look for, and the 400 words that occur most often in the
# built-in packs' patterns (rules/*.toml, without the examples and messages). Rerun it when the
# packs change a lot: fuzz/dicts/make-lint-dict.sh
set -euo pipefail
cd "$(dirname "$0")"
{
  cat <<'HEAD'
# libFuzzer dictionary for the `lint` target, written by make-lint-dict.sh (do not edit by hand).
# Passed by fuzz/until-plateau.sh with -dict.
"\x0a\x0a"
"# "
"## "
"- "
"1. "
"| "
"Dear Ms. Doe,"
"[CLIENT NAME]"
"____"
"Yours sincerely,"
"$350 per hour"
"$2,500"
"\xc2\xa3250"
"CAD 380"
"two thousand dollars ($3,000)"
"33%"
"within 2 business days"
"within forty-eight hours"
"the next business day"
"306-555-0142"
"(306) 555-0142"
"+44 20 7946 0958"
"priya.singh@example.com"
"Priya Singh"
"clause 4.2"
"section 7(b)"
"Monday, 3 February 2025"
"31 February"
"(\x22the Agreement\x22)"
"\xe2\x80\x9c"
"\xe2\x80\x9d"
"\xe2\x80\x99"
"<!-- retainer-lint-disable-next-line response.vague -->"
"<!-- retainer-lint-disable fees.tax -->"
"<!-- retainer-lint-enable fees.tax -->"
HEAD
  grep -hE "= '|^\s*'|\[\s*'|= \[\{|\{ ?all" ../../rules/*.toml \
    | grep -vE '^\s*(good|bad|message|help|summary|rationale|weak_message|description) =' \
    | sed -E 's/\\[bswdBSWD]/ /g' | grep -oE '[A-Za-z]{4,}' | tr 'A-Z' 'a-z' \
    | sort | uniq -c | sort -k1,1rn -k2,2 | head -400 | awk '{printf "\"%s\"\n", $2}'
} > lint.dict
