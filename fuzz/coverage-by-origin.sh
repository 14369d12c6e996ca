#!/usr/bin/env bash
# Which code a fuzz target's corpus covers: the covered edges (libFuzzer's `cov:` counts the
# same edges) split into this project's crate, each dependency, and the standard library.
# Usage:
#   fuzz/coverage-by-origin.sh TARGET [CUTOFF] [EXTRA CORPUS DIRS...]
# CUTOFF (e.g. "2026-12-03 09:05") keeps only the corpus files saved before that time, so that
# running it for each chunk boundary of fuzz/until-plateau.sh shows where a chunk's new coverage
# lies: a target whose growth is all in dependencies' internals has stopped finding new paths
# through this project's code. The target is built with LeakSanitizer (no instrumentation of
# memory accesses, but a symbolizer for file names) into fuzz/target-origin/.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"; cutoff="${2:-}"; shift $(( $# > 1 ? 2 : 1 ))
cargo +nightly fuzz build -s leak -a --target-dir target-origin "$target" >/dev/null 2>&1
bin="target-origin/x86_64-unknown-linux-gnu/release/$target"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ -n "$cutoff" ]; then
  find "corpus/$target" -type f ! -newermt "$cutoff" -exec ln {} "$dir/" \;
else
  find "corpus/$target" -type f -exec ln {} "$dir/" \;
fi
extra=()
[ "$target" = lint ] && extra+=(-max_len=4096)
echo "$target: $(ls "$dir" | wc -l) corpus files${cutoff:+ saved before $cutoff}"
"$bin" -runs=0 -print_coverage=1 "${extra[@]}" "$dir" "$@" 2>&1 | awk '
  /^COVERED_FUNC/ {
    split($5, e, "/"); file = $NF
    if (file ~ /\/crates\/retainer-lint\/src\//) origin = "retainer-lint (this project)"
    else if (file ~ /\/fuzz\/(src|fuzz_targets)\//) origin = "fuzz harness"
    else if (file ~ /^\/rustc\//) origin = "std"
    else if (match(file, /\/index\.crates\.io-[^\/]+\/[^\/]+\//)) {
      origin = substr(file, RSTART, RLENGTH); sub(/.*\/index\.crates\.io-[^\/]+\//, "", origin)
      sub(/-[0-9][^\/]*\/$/, "", origin)
    } else origin = "other"
    edges[origin] += e[1]; total += e[1]
  }
  END {
    for (o in edges) printf "  %7d  %s\n", edges[o], o | "sort -rn"
    close("sort -rn")
    printf "  %7d  total covered edges\n", total
  }'
