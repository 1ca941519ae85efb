#!/usr/bin/env bash
# Writes bench/network-classes.txt: the classes (and lambda-form invokers) that `pinver outdated` loads only when it reaches a registry
# over the network (HttpURLConnection, Conscrypt's TLS, Resolver's HTTP transport), found as the
# difference between a cold run on the bench manifests and an --offline run answered from the cache the
# cold run filled. The launcher adds them to its start-up archive, whose training runs never leave the
# machine and so never load them; a cold run then maps them ready-parsed (~0.1 s less on the bench).
# Rerun after changing the HTTP stack or its libraries; a stale entry costs nothing but a warning in the
# archive's dump log. Needs the network. Usage: [PEERS=dir with package.json and pom.xml] bench/network-classes.sh
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers=${PEERS:-/work/shared/bench/peers}
work=$(mktemp -d "${TMPDIR:-/tmp}/pinver-network-classes.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$repo/pinver" --version >/dev/null
mkdir -p "$work/mvn"
cp "$peers/pom.xml" "$work/mvn/"
run() { # list manifest [options...]
  local list=$1 manifest=$2
  shift 2
  java -Djava.library.path="$repo/target/native" -XX:DumpLoadedClassList="$work/$list" -jar "$repo/target/pinver.jar" outdated "$manifest" --format json \
    --cache-dir "$work/cache" "$@" >/dev/null 2>&1 || true
}
run npm-network "$peers/package.json"
run npm-offline "$peers/package.json" --offline
run mvn-network "$work/mvn/pom.xml"
run mvn-offline "$work/mvn/pom.xml" --offline
names() { grep -hv -e '^#' "$@" | sort -u; }
names "$work/npm-offline" "$work/mvn-offline" >"$work/offline"
names "$work/npm-network" "$work/mvn-network" | comm -23 - "$work/offline" | grep -v '^dev/pinver/' \
  >"$repo/bench/network-classes.txt"
echo "$(wc -l <"$repo/bench/network-classes.txt") classes in bench/network-classes.txt" >&2
