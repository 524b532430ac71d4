#!/usr/bin/env bash
# Installs what the run and test commands need on a fresh machine: the pinned npm tools (Azurite, ...) and the
# NuGet packages. Safe to run again: it skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not on PATH ($2)" >&2; exit 1; }; }
need dotnet "install the .NET 10 SDK"
need node "install Node.js 20 or newer"
need npm "install npm (comes with Node.js)"

# The browser checks (the Playground and the tab in headless Chromium) need Debian's chromium; a test tool's own
# browser download does not work on a closed network. Installed here so both commands work on a fresh machine.
if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: chromium is missing; run 'apt-get install chromium' as root (or set CHROMIUM_PATH)" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "setup: installing Debian's chromium (browser checks of the Agents Playground and the tab)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

# npm ci wipes node_modules, so only run it when the lockfile changed since the last install.
stamp=node_modules/.leanteamsapp-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci (pinned tools from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

echo "setup: dotnet restore"
dotnet restore LeanTeamsApp.sln --verbosity quiet
