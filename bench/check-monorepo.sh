#!/usr/bin/env bash
# Benchmark: `pinver check` on a generated monorepo of 2,000 manifests holding 20,000 dependencies
# (1,000 requirements.txt and 1,000 pyproject.toml files, 10 dependencies each, mixed good and bad pins).
# Usage: bench/check-monorepo.sh [RUNS]   (default 5). Prints each run's wall time and the median.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d /tmp/pinver-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$work/repo" <<'PY'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(42)
specs = [">={a}.{b}.0,<{a}.{c}.0", "~={a}.{b}.0", "~={a}.{b}", ">={a}.{b}", "=={a}.{b}.3", "",
         ">={a}.{b}.1,<{n}.0.0", ">={a}.{b},<{a}.{c} ; python_version >= '3.8'"]
def spec():
    a, b = rnd.choice([0, 0, 1, 2]), rnd.randint(0, 60)
    return rnd.choice(specs).format(a=a, b=b, c=b + 1, n=a + 1)
for i in range(1000):
    d = os.path.join(root, f"team{i // 50:02d}", f"service{i:04d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "requirements.txt"), "w") as f:
        f.write("# generated\n")
        for j in range(10):
            f.write(f"pkg-{rnd.randint(0, 4000)}{spec()}\n")
    with open(os.path.join(d, "pyproject.toml"), "w") as f:
        f.write(f'[project]\nname = "service{i}"\nversion = "1.0.0"\ndependencies = [\n')
        for j in range(10):
            f.write(f'    "lib-{rnd.randint(0, 4000)}{spec()}",\n')
        f.write("]\n")
PY

"$here/pinver" --version >/dev/null   # builds the jar if needed, outside the timing
count=$(find "$work/repo" -name requirements.txt -o -name pyproject.toml | wc -l)
echo "manifests: $count   machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
times=()
for ((r = 1; r <= runs; r++)); do
  t0=$(date +%s%N)
  rc=0; "$here/pinver" check "$work/repo" --format json >"$work/out.json" 2>"$work/err.txt" || rc=$?
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  deps=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["dependencies"]))' "$work/out.json")
  echo "run $r: ${ms} ms (exit $rc, $deps dependencies)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2)}')
echo "median: ${median} ms over $runs runs"
