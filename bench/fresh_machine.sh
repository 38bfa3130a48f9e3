#!/usr/bin/env bash
# A newcomer's machine, as issue 13 describes it: clone the committed HEAD into a temporary folder,
# make a fresh venv, hide Chromium, poppler, Java and Node from PATH, and run the README's two
# commands verbatim. Prints the time of each and the test summary (with the skip lines that say what
# is missing); exits with the tests' status.
#   usage, from the repository:  bash bench/fresh_machine.sh
# HarfBuzz-Subset is a system library and cannot be hidden through PATH; that machine is tested by
# tests/test_fresh_machine.py, which disables it inside WeasyPrint.
set -u
src=$(git rev-parse --show-toplevel) || exit 2
d=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-baru.XXXXXX"); trap 'rm -rf "$d"' EXIT
git clone -q "$src" "$d/r" || exit 2
mkdir "$d/bin"
for f in /usr/bin/* /usr/local/bin/*; do
  b=$(basename "$f")
  case "$b" in chromium*|chrome*|google-chrome*|pdf*|qpdf|java|node|npm|npx|vnu*) continue;; esac
  [ -e "$d/bin/$b" ] || ln -s "$f" "$d/bin/$b"
done
cd "$d/r" && python3 -m venv .venv || exit 2
export PATH="$d/r/.venv/bin:$d/bin"; unset LKJIP_WAJIB_ALAT LKJIP_KAMPANYE
t0=$(date +%s)
sh -c 'python -m pip install -q -e ".[test]" && python build.py' >install.log 2>&1; irc=$?
t1=$(date +%s)
echo "1. install + build: rc=$irc, $((t1-t0)) s"; [ $irc = 0 ] || { tail -n 20 install.log; exit 1; }
grep -E '^catatan mesin' install.log
python -m pytest -q -p no:cacheprovider >tests.log 2>&1; trc=$?
t2=$(date +%s)
echo "2. tests: rc=$trc, $((t2-t1)) s: $(tail -n 1 tests.log)"
grep -E '^(FAILED|ERROR|SKIPPED)' tests.log | head -n 30
exit $trc
