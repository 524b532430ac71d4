#!/usr/bin/env bash
# Runs every test: unit, protocol and integration tests (each integration run starts its own in-memory Azurite on
# free ports and stops it), then a smoke run of the run command. Prints one summary line at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

mkdir -p .local/logs
log=.local/logs/test.log
npm run lint:tab || exit 1  # ESLint: typescript-eslint strict (type-checked), the rules of hooks, jsx-a11y
npm run build:tab || exit 1  # the Teams tab (src/Tab), type-checked and built into src/LeanTeamsApp/wwwroot/tab
# The tab's component tests (Vitest, jsdom); a failure is counted below, after the .NET tests have run too.
npm run test:tab 2>&1 | tee .local/logs/test-tab.log
tab_status=${PIPESTATUS[0]}
dotnet build LeanTeamsApp.sln --no-restore --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly || exit 1
# The tab's API types must be what the service's OpenAPI document gives now: a server type the tab does not follow
# fails here, with the command that regenerates them.
bash scripts/tab-api.sh --check --no-build || exit 1
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
# Vitest ends with "Tests  88 passed | 2 failed (90)".
tab_line=$(sed 's/\x1b\[[0-9;]*m//g' .local/logs/test-tab.log | grep -E '^ *Tests +' | tail -1)
tab_passed=$(echo "$tab_line" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
tab_failed=$(echo "$tab_line" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' || echo 0)
if [ "$tab_status" -ne 0 ] && [ "${tab_failed:-0}" -eq 0 ]; then
  tab_failed=1  # the tab's tests did not run to a summary at all
fi
passed=$(( passed + 1 - smoke_failed + ${tab_passed:-0} ))
failed=$(( failed + smoke_failed + ${tab_failed:-0} ))
echo
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
