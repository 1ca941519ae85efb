#!/bin/sh
# Regenerates each case's expected.diff with git itself, the oracle UnifiedDiff imitates: the file
# named by the case's `path` (default requirements.txt) is committed as `before`, replaced by `after`,
# and `git diff` is taken without its "diff --git" and "index" lines and without the section heading
# git appends to a hunk header (the nearest earlier line that starts with a letter).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for case in "$here"/*/; do
    name=requirements.txt
    [ -f "$case/path" ] && name=$(cat "$case/path")
    repo=$(mktemp -d)
    git -C "$repo" init -q
    cp "$case/before" "$repo/$name"
    git -C "$repo" add -- "$name"
    git -C "$repo" -c user.name=golden -c user.email=golden@localhost commit -q -m before
    cp "$case/after" "$repo/$name"
    git -C "$repo" -c core.autocrlf=false -c core.quotepath=false -c diff.noprefix=false \
        -c diff.algorithm=myers -c color.ui=never diff --no-ext-diff -U3 -- "$name" \
        | sed -n '/^--- /,$p' | sed 's/^\(@@ -[0-9,]* +[0-9,]* @@\) .*/\1/' > "$case/expected.diff"
    rm -rf "$repo"
done
