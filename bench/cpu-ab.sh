#!/usr/bin/env bash
# bench/cpu-ab.sh RUNS A_BIN B_BIN args... : CPU time (user + system, /usr/bin/time) of two builds'
# bin/icp-links.cjs on the same arguments, run after run alternated with `node -e 0`, each with
# its own warm cache (two untimed runs first); medians and ratios to `node -e 0`. For before/after
# claims on a shared machine, where two bench runs minutes apart differ by more than the change (#26).
set -euo pipefail
runs=$1; A=$2; B=$3; shift 3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for v in a b; do bin=$A; [ $v = b ] && bin=$B; for k in 1 2; do XDG_CACHE_HOME=$work/c-$v NO_COLOR=1 ICP_LINKS_FILE= node "$bin" "$@" >/dev/null 2>&1 || true; done; done
for i in $(seq "$runs"); do
  /usr/bin/time -f "%U %S" -o "$work/t" node -e 0; echo "node $(tail -1 "$work/t")"
  for v in a b; do bin=$A; [ $v = b ] && bin=$B
    XDG_CACHE_HOME=$work/c-$v NO_COLOR=1 ICP_LINKS_FILE= /usr/bin/time -f "%U %S" -o "$work/t" node "$bin" "$@" >/dev/null 2>&1 || true
    echo "$v $(tail -1 "$work/t")"
  done
done > "$work/out"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => l.split(" "));
const med = (k) => { const v = rows.filter((r) => r[0] === k).map((r) => (Number(r[1]) + Number(r[2])) * 1000).sort((x, y) => x - y); return v[Math.floor(v.length / 2)]; };
const n = med("node");
for (const [k, name] of [["node", "node -e 0"], ["a", process.argv[2]], ["b", process.argv[3]]]) console.log(`${name}: CPU ${med(k).toFixed(0)} ms, ${(med(k) / n).toFixed(2)}× node -e 0`);
' "$work/out" "$A" "$B"
