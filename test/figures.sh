#!/usr/bin/env bash
# Usage: test/figures.sh <repo-dir> <out-dir>
# Every figure the CLI prints, for a before/after check that a change moved none: runs the CLI over
# every bundled scenario (simulate mc and fft, solve, project; zh, en and --json), two comparisons,
# a benefit table, every data file (history) and every invalid fixture, and writes each output
# (stdout, stderr and the exit code) to <out-dir>. Run it on two trees and `diff -r` the folders.
set -u
repo=$(cd "$1" && pwd); out=$2; mkdir -p "$out"; out=$(cd "$out" && pwd)
cd "$repo"
# The built command (dist-cli/, test/buildCli.mjs) where the tree has one; else the source through tsx.
if [ -f test/buildCli.mjs ]; then
  node test/buildCli.mjs --if-stale --quiet || exit 2
  run=(node dist-cli/huzhu.mjs)
else
  run=(npx tsx src/cli/main.ts)
fi
cli() { local name=$1; shift; { "${run[@]}" "$@" 2>&1; echo "exit: $?"; } > "$out/$name.txt"; }
jobs=()
for f in scenarios/*.json; do
  b=$(basename "$f" .json)
  (
  cli "$b.validate" validate "$f"
  cli "$b.sim.json" simulate "$f" --iterations 2000 --workers 1 --json
  cli "$b.sim.zh" simulate "$f" --iterations 2000 --workers 1
  cli "$b.sim.en" simulate "$f" --iterations 2000 --workers 1 --lang en
  cli "$b.fft.json" simulate "$f" --method fft --json
  cli "$b.fft.en" simulate "$f" --method fft --lang en
  cli "$b.solve.json" solve "$f" --json
  cli "$b.solve.zh" solve "$f"
  cli "$b.project.json" project "$f" --years 6 --iterations 400 --json
  cli "$b.project.en" project "$f" --years 6 --iterations 400 --lang en
  ) &
  while [ "$(jobs -rp | wc -l)" -ge 3 ]; do sleep 0.2; done
done
wait
cli cmp-wz.json compare scenarios/wenzhou-2014.json scenarios/wenzhou-2015.json --iterations 1000 --json
cli cmp-wz.zh compare scenarios/wenzhou-2014.json scenarios/wenzhou-2015.json --iterations 1000
cli cmp-hz.en compare scenarios/hangzhou-2015-old-table.json scenarios/hangzhou-2016.json --iterations 1000 --lang en
cli cmp-hz.json compare scenarios/hangzhou-2015-old-table.json scenarios/hangzhou-2016.json --iterations 1000 --json
cli cmp-jx.en compare scenarios/jiaxing-2014.json scenarios/jiaxing-2015.json --iterations 1000 --lang en
cli solve-cap.json solve scenarios/hangzhou-2016.json --cap self-pay --json
cli benefit.json benefit scenarios/hangzhou-2016.json --id self-pay --at 1000.05,12000,50000 --json
for f in data/*.csv; do b=$(basename "$f" .csv)
  cli "hist-$b.json" history "$f" --json; cli "hist-$b.zh" history "$f"; cli "hist-$b.en" history "$f" --lang en
done
for f in test/fixtures/invalid/*.json; do b=$(basename "$f" .json)
  cli "inv-$b" validate "$f"; cli "inv-$b.en" validate "$f" --lang en
done
echo "written to $out: $(ls "$out" | wc -l) files"
