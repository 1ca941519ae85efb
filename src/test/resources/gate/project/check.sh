#!/bin/sh
# The sample project's test suite: it passes or fails by the versions pinned in requirements.txt.
#   fastapi 0.48 and later break it; fastapi 0.60 and later hang (with a sleeping child); pydantic 2 breaks it.
# $1: a file that gets one line per run; $2: where a hanging run writes its own and its child's pid.
echo run >> "$1"
fastapi=$(sed -n 's/^fastapi>=0\.\([0-9]*\)\..*/\1/p' requirements.txt)
pydantic=$(sed -n 's/^pydantic>=\([0-9]*\)\..*/\1/p' requirements.txt)
echo "fastapi 0.$fastapi, pydantic $pydantic"
if [ "$fastapi" -ge 60 ]; then
    sleep 30 &
    echo "$$ $!" > "$2"
    wait
fi
if [ "$fastapi" -ge 48 ] || [ "$pydantic" -ge 2 ]; then
    echo "FAILED test_app.py::test_startup"
    echo "========================= 1 failed, 3 passed in 0.02s =========================="
    exit 1
fi
echo "========================= 4 passed in 0.01s =========================="
