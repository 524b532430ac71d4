#!/usr/bin/env bash
# Runs the load benchmarks on loopback and writes their results into docs/benchmarks.md.
#   scripts/benchmark.sh [--requests N] [--submits N]   (--submits: the timed check-in submits per side, 960 unless fewer are asked for)
#   scripts/benchmark.sh digest [--units 1000] [--weeks 52] [--runs 20] [--parallel 16]   (the digest benchmark, only when asked)
#   scripts/benchmark.sh tab [--units 1000] [--weeks 12] [--runs 10] [--parallel 16]      (the tab's Overview in headless
#       Chromium, only when asked: seeding takes minutes; needs /usr/bin/chromium or CHROMIUM_PATH)
#   scripts/benchmark.sh import [--units 1000,10000,40000]                                 (the organisation import, only when asked)
#   scripts/benchmark.sh fanout [--units 2000] [--instances 1,3]                           (the prompt fan-out with 1 and 3 instances
#       against one limit-enforcing fake connector, and the working sets; only when asked)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p .local/logs  # the service and Azurite log here; a fresh clone has no .local yet
if [ "${1:-}" = "tab" ]; then
  npm run build:tab  # into src/LeanTeamsApp/wwwroot/tab, which the service serves and the browser loads
fi
dotnet build src/LeanTeamsApp -c Release --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
dotnet build benchmarks/LeanTeamsApp.LoadTest -c Release --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
dotnet benchmarks/LeanTeamsApp.LoadTest/bin/Release/net10.0/LeanTeamsApp.LoadTest.dll "$@"
