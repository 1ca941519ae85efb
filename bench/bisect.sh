#!/usr/bin/env bash
# Benchmark: `pinver upgrade --run-tests --bisect` against trying each window in order, offline.
#
# A library, benchlib, has releases 0.0.1 and 0.1.0 … 0.16.0, built into a local PEP 503 index by
# fixtures/gate-python/build-index.py; from 0.11.0 on it renames the function the app calls. The app pins
# benchlib>=0.0.1,<0.0.2, so there are 16 candidate windows and the 11th (0.11) is the first that breaks.
# Every gate makes a virtualenv and installs from the index with the machine's python3/pip, then runs the
# app's unittest suite; the test command appends a line to a counter file, so the counts are real runs.
#
# - bisect: one `pinver upgrade --run-tests --bisect` (baseline, newest window, then a binary search);
# - in order: the same install and test commands run by this script in a fresh copy of the app per window,
#   0.1, 0.2, … until the first failure, after one baseline run. It has none of pinver's overhead (JVM,
#   isolated checkout, commits), so it is the cheapest way to try windows one after another.
#
# Usage: bench/bisect.sh   Prints the test runs and wall time of each.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/pinver-bisect.XXXXXX)
trap 'rm -rf "$work"' EXIT
windows=16
breaks=11

export PIP_CONFIG_FILE=/dev/null   # this machine's pip.conf must not add indexes
unset PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS PIP_NO_INDEX

# The library's releases: value() up to 0.10.0; 0.11.0 and later call it get_value().
for v in 0.0.1 $(seq -f "0.%g.0" 1 "$windows"); do
  mkdir -p "$work/library/benchlib-$v/benchlib"
  minor=$(echo "$v" | cut -d. -f2)
  name=value
  [ "$minor" -ge "$breaks" ] && name=get_value
  printf '"""benchlib %s."""\n__version__ = "%s"\n\n\ndef %s():\n    return 42\n' "$v" "$v" "$name" \
    >"$work/library/benchlib-$v/benchlib/__init__.py"
done
python3 "$here/fixtures/gate-python/build-index.py" "$work/index" --library "$work/library" >/dev/null
index="file://$work/index/simple"

# The app.
app="$work/app"
mkdir -p "$app/tests"
echo 'benchlib>=0.0.1,<0.0.2' >"$app/requirements.txt"
printf '.venv/\n__pycache__/\n' >"$app/.gitignore"
: >"$app/tests/__init__.py"
cat >"$app/tests/test_app.py" <<'PY'
import unittest

import benchlib


class ValueTest(unittest.TestCase):

    def test_value(self):
        self.assertEqual(benchlib.value(), 42)
PY
git -C "$app" init -q -b main
git -C "$app" add .
git -C "$app" -c user.name=bench -c user.email=bench@example.com commit -q -m app

install="python3 -m venv --without-pip .venv && python3 -m pip --isolated --python .venv/bin/python install -q --no-input --index-url $index -r requirements.txt"
count_test() { echo "echo run >>$1 && .venv/bin/python -m unittest -q"; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

"$here/pinver" --version >/dev/null   # builds the jar if needed, outside the timing
echo "benchlib: $windows candidate windows (0.1 … 0.$windows), the first failing is 0.$breaks"
echo "machine: $(nproc) cores, $(python3 --version), $(java -version 2>&1 | head -1)"

# bisect
t0=$(now)
rc=0
"$here/pinver" upgrade --path "$app" --run-tests --bisect --format json --index-url "$index" \
  --cache-dir "$work/cache" --install-cmd "$install" --test-cmd "$(count_test "$work/bisect.count")" \
  >"$work/bisect.json" 2>"$work/bisect.err" || rc=$?
t1=$(now)
if [ "$rc" -ne 0 ]; then
  echo "pinver upgrade exited $rc:" >&2
  cat "$work/bisect.err" "$work/bisect.json" >&2
  exit 1
fi
result=$(python3 - "$work/bisect.json" <<'PY'
import json, sys
u = json.load(open(sys.argv[1]))["upgrades"][0]
print(u["to"], u.get("branch", "-"), " ".join(t["version"] + ":" + t["result"] for t in u["tried"]))
PY
)
printf 'bisect:   %2d test runs (1 baseline + %d tried)  %6d ms   -> %s\n' "$(wc -l <"$work/bisect.count")" \
  "$(($(wc -l <"$work/bisect.count") - 1))" "$(ms "$t0" "$t1")" "$result"

# in order
try() {   # try DIR: install and test in a fresh copy of the app at its committed state, DIR's requirements
  git -C "$app" archive HEAD | tar -x -C "$1"
  [ -n "${2:-}" ] && echo "$2" >"$1/requirements.txt"
  (cd "$1" && sh -c "$install" && sh -c "$(count_test "$work/order.count")") >"$1.log" 2>&1
}
t0=$(now)
mkdir "$work/order-base"
try "$work/order-base"
newest=none
for ((k = 1; k <= windows; k++)); do
  mkdir "$work/order-$k"
  if ! try "$work/order-$k" "benchlib>=0.$k.0,<0.$((k + 1)).0"; then
    break
  fi
  newest="0.$k.0"
done
t1=$(now)
printf 'in order: %2d test runs (1 baseline + %d tried)  %6d ms   -> %s (first failure: 0.%d.0)\n' \
  "$(wc -l <"$work/order.count")" "$(($(wc -l <"$work/order.count") - 1))" "$(ms "$t0" "$t1")" "$newest" "$k"
