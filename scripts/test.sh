#!/usr/bin/env bash
# Runs every test: unit, protocol and integration tests (each integration run starts its own in-memory Azurite on
# free ports and stops it), then a smoke run of the run command. Prints one summary line at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

mkdir -p .local/logs
log=.local/logs/test.log
npm run build:tab || exit 1  # the Teams tab (src/Tab), type-checked and built into src/LeanTeamsApp/wwwroot/tab
npm run test:tab || exit 1  # the tab's component tests (Vitest, jsdom)
dotnet build LeanTeamsApp.sln --no-restore --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly || exit 1
dotnet test LeanTeamsApp.sln --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The run command must keep working in every commit: start it on free ports, check it, stop it.
if ! bash scripts/run.sh --smoke; then
  echo "smoke: the run command did not come up healthy" >&2
  smoke_failed=1
else
  smoke_failed=0
fi

# Sum the per-assembly lines ("Passed!  - Failed: 0, Passed: 31, Skipped: 0, ...") into one.
count() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
passed=$(( passed + 1 - smoke_failed ))
failed=$(( failed + smoke_failed ))
echo
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
