#!/usr/bin/env bash
# Runs one fuzz target in chunks until a whole chunk adds no new coverage (libFuzzer's `cov:`,
# the count of covered edges), and prints one line per chunk. Usage:
#   fuzz/until-plateau.sh TARGET [CHUNK_SECONDS] [EXTRA CORPUS DIRS...]
# Each chunk restarts from the saved corpus (fuzz/corpus/TARGET), so its `INITED cov:` is the
# coverage of everything found so far and the gain is what that chunk found. Exits non-zero if
# the target crashes; the input is then in fuzz/artifacts/TARGET/. MAX_CHUNKS=N stops after N
# chunks even if the last one still gained (the last line then says so), to share out a budget.
# The target's dictionary, dicts/TARGET.dict, is passed with -dict when there is one.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"; chunk="${2:-1200}"; shift $(( $# > 1 ? 2 : 1 ))
extra=()
[ "$target" = lint ] && extra+=(-max_len=4096)
[ -f "dicts/$target.dict" ] && extra+=(-dict="dicts/$target.dict")
mkdir -p logs
n=0
while :; do
  n=$((n + 1))
  log="logs/$target-$n.log"
  started=$(date -u +%H:%M)
  cargo +nightly fuzz run -s none -a "$target" "corpus/$target" "$@" -- \
    -max_total_time="$chunk" -timeout=10 -print_final_stats=1 "${extra[@]}" >"$log" 2>&1 || { echo "$target chunk $n stopped: see fuzz/$log and fuzz/artifacts/$target/"; exit 1; }
  first=$(grep -m1 -o 'INITED cov: [0-9]*' "$log" | grep -o '[0-9]*$')
  last=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  last_cov=$(echo "$last" | awk '{print $2}')
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  echo "$target chunk $n ($started-$(date -u +%H:%M) UTC, ${chunk}s): INITED cov $first -> $last (gain $((last_cov - first)), $runs runs)"
  if [ "$last_cov" -le "$first" ]; then echo "$target: plateau after $n chunks"; break; fi
  if [ -n "${MAX_CHUNKS:-}" ] && [ "$n" -ge "$MAX_CHUNKS" ]; then
    echo "$target: stopped after $n chunks (MAX_CHUNKS), still gaining"; break
  fi
done
