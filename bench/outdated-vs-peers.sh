#!/usr/bin/env bash
# Benchmark: `pinver outdated` against what users would otherwise run on the same manifests, in one run
# with interleaved rounds (every round times every case once, in a rotating order, so that load on the
# machine falls on all of them alike):
#   pinver-cold   pinver outdated package.json --format json, with a new empty --cache-dir each run (the cold
#                 caches are left in $WORK/cold, ~2 MB a round: deleting them between runs made every file
#                 created in the next minutes slower, since ext4 passes over inodes freed in the last 60-300 s
#                 when it allocates one, and every case here creates files: ~80-220 for a cold pinver run, the
#                 metadata files that mvn -U replaces, npm's cache index)
#   pinver-warm   the same with a cache primed before the first round (answers within the 1 h TTL)
#   npm           npm outdated --json, in a scratch directory holding only the package.json (npm's own
#                 ~/.npm cache, as a user has it)
#   pinver-maven-cold/-warm and mvn (mvn -B -U versions:display-dependency-updates in a scratch copy of
#                 the pom), only when `pinver outdated pom.xml` answers without Maven errors
# Usage: [RUNS=5] [PEERS=dir with package.json and pom.xml] [WORK=scratch dir] bench/outdated-vs-peers.sh
# Prints each case's median, minimum and maximum wall time and the ratios peer median / pinver median;
# raw times go to $WORK/times.tsv, outputs and errors of the last run of each case to $WORK/logs/.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers=${PEERS:-/work/shared/bench/peers}
runs=${RUNS:-5}
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/pinver-outdated-bench.XXXXXX")}
mkdir -p "$work/npm" "$work/mvn" "$work/logs" "$work/cold"
cp "$peers/package.json" "$work/npm/"
cp "$peers/pom.xml" "$work/mvn/"
times="$work/times.tsv"
: >"$times"
pinver="$repo/pinver"

say() { printf '%s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }

# --- preparation, not timed: build and start-up archive, peers' first-use downloads, the warm cache ---
say "preparing in $work (build, start-up archive, peers' caches, warm pinver cache)..."
"$pinver" --version >/dev/null
"$pinver" outdated "$work/npm/package.json" --format json --cache-dir "$work/warm" >/dev/null 2>"$work/logs/prime-npm.err" || true
(cd "$work/npm" && npm outdated --json >/dev/null 2>&1) || true

maven=yes
"$pinver" outdated "$work/mvn/pom.xml" --format json --cache-dir "$work/warm" >/dev/null 2>"$work/logs/prime-maven.err" \
  && maven_rc=0 || maven_rc=$?
if [ "$maven_rc" -ne 0 ] && grep -q '(maven)' "$work/logs/prime-maven.err"; then
  maven=no
  say "pinver outdated pom.xml reports Maven errors (exit $maven_rc), so only the npm side is timed:"
  head -3 "$work/logs/prime-maven.err" >&2
else
  (cd "$work/mvn" && mvn -B versions:display-dependency-updates >/dev/null 2>&1) || true
fi

cases=(pinver-cold pinver-warm npm)
[ "$maven" = yes ] && cases+=(pinver-maven-cold pinver-maven-warm mvn)

command_of() { # case round -> the shell command
  case "$1" in
    pinver-cold) echo "'$pinver' outdated '$work/npm/package.json' --format json --cache-dir '$work/cold/npm-$2'" ;;
    pinver-warm) echo "'$pinver' outdated '$work/npm/package.json' --format json --cache-dir '$work/warm'" ;;
    npm) echo "cd '$work/npm' && npm outdated --json" ;;
    pinver-maven-cold) echo "'$pinver' outdated '$work/mvn/pom.xml' --format json --cache-dir '$work/cold/mvn-$2'" ;;
    pinver-maven-warm) echo "'$pinver' outdated '$work/mvn/pom.xml' --format json --cache-dir '$work/warm'" ;;
    mvn) echo "cd '$work/mvn' && mvn -B -U versions:display-dependency-updates" ;;
  esac
}

# --- the rounds ---
load_before=$(load)
for ((round = 1; round <= runs; round++)); do
  n=${#cases[@]}
  for ((k = 0; k < n; k++)); do
    name=${cases[$(((k + round - 1) % n))]}
    cmd=$(command_of "$name" "$round")
    start=$(date +%s%N)
    rc=0
    bash -c "$cmd" >"$work/logs/$name.out" 2>"$work/logs/$name.err" || rc=$?
    end=$(date +%s%N)
    printf '%s\t%s\t%s\t%s\n' "$name" "$round" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" "$rc" >>"$times"
  done
  say "round $round of $runs done (load $(load))"
done
load_after=$(load)

# --- the report ---
median_of() { awk -F'\t' -v c="$1" '$1 == c { print $3 }' "$times" | sort -n |
  awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
extreme_of() { awk -F'\t' -v c="$1" '$1 == c { print $3 }' "$times" | sort -n | sed -n "$2"; }
exits_of() { awk -F'\t' -v c="$1" '$1 == c { print $4 }' "$times" | sort -u | paste -sd, -; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }

echo "outdated-vs-peers: $(date -u +%FT%TZ), $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load before $load_before, after $load_after"
echo "java: $(java -version 2>&1 | head -1); node $(node -v 2>/dev/null || echo '-'), npm $(npm -v 2>/dev/null || echo '-'); $(mvn -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | head -1 || echo 'no mvn')"
echo "manifests: $peers/package.json$([ "$maven" = yes ] && echo " and $peers/pom.xml")"
echo "runs: $runs per case, interleaved; raw times in $times"
printf '%-18s %8s %8s %8s  %s\n' case median_s min_s max_s exit_codes
for c in "${cases[@]}"; do
  printf '%-18s %8s %8s %8s  %s\n' "$c" "$(median_of "$c")" "$(extreme_of "$c" 1p)" "$(extreme_of "$c" '$p')" "$(exits_of "$c")"
done
npm_median=$(median_of npm)
echo "npm outdated / pinver cold: $(ratio "$npm_median" "$(median_of pinver-cold)")   npm outdated / pinver warm: $(ratio "$npm_median" "$(median_of pinver-warm)")"
if [ "$maven" = yes ]; then
  mvn_median=$(median_of mvn)
  echo "mvn versions / pinver cold: $(ratio "$mvn_median" "$(median_of pinver-maven-cold)")   mvn versions / pinver warm: $(ratio "$mvn_median" "$(median_of pinver-maven-warm)")"
else
  echo "Maven: not timed (pinver outdated does not answer for pom.xml yet; see $work/logs/prime-maven.err)"
fi
