#!/usr/bin/env bash
# Installs what the run and test commands need on a fresh machine: the pinned npm tools (Azurite, ...) and the
# NuGet packages. Safe to run again: it skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not on PATH ($2)" >&2; exit 1; }; }
need dotnet "install the .NET 10 SDK"
need node "install Node.js 20 or newer"
need npm "install npm (comes with Node.js)"
need "${CHROMIUM_PATH:-chromium}" "install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH; browser checks use it"

# npm ci wipes node_modules, so only run it when the lockfile changed since the last install.
stamp=node_modules/.leanteamsapp-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci (pinned tools from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

echo "setup: dotnet restore"
dotnet restore LeanTeamsApp.sln --verbosity quiet
