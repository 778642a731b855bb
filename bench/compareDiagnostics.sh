#!/bin/sh
# Compares `validate --format json` of two checkouts of bulletin (built) over the examples, the
# invalid, hostile and copy-editing fixtures, and the bench's 100 issues when generated: a change
# meant to be faster must not change what is reported, nor its order.
# Usage: bench/compareDiagnostics.sh OTHER_CHECKOUT [THIS_CHECKOUT]
set -u
other=$1
this=${2:-$(cd "$(dirname "$0")/.." && pwd)}
status=0
count=0
for dir in "$this"/examples/* "$this"/test/fixtures/invalid/*/ "$this"/test/fixtures/hostile/*/ "$this"/test/fixtures/lint/*/ "${TMPDIR:-/tmp}"/bulletin-bench/many100; do
  [ -d "$dir" ] || continue
  for target in . issues/*.yaml; do
    [ -e "$dir/$target" ] || continue
    a=$(cd "$dir" && node "$other/bin/bulletin.js" validate "$target" --format json 2>&1; echo "exit $?")
    b=$(cd "$dir" && node "$this/bin/bulletin.js" validate "$target" --format json 2>&1; echo "exit $?")
    count=$((count + 1))
    if [ "$a" != "$b" ]; then echo "DIFFERS: $dir $target"; status=1; fi
    [ "$target" = . ] || break # the first issue file alone: the numbering read from its series
  done
done
[ $status = 0 ] && echo "same diagnostics in all $count runs"
exit $status
