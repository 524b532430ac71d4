#!/usr/bin/env bash
# The tab's API types come from the service's OpenAPI document, never by hand:
#   scripts/tab-api.sh           builds the service, then writes docs/tab-api.openapi.json and
#                                src/Tab/src/shared/api/generated.ts from what it serves
#   scripts/tab-api.sh --check   the same into a temporary folder; fails when the checked-in files differ (the test
#                                command runs this, so a server type change the tab does not follow fails the build)
# --no-build skips building the service (the test command has just built it). The document is fetched from the
# service itself, started in Development (the only environment that serves it) against an in-memory Azurite, both on
# free loopback ports, and both stopped again.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0; build=1
for arg in "$@"; do
  case "$arg" in
    --check) check=1 ;;
    --no-build) build=0 ;;
    *) echo "tab-api: unknown argument $arg (use --check, --no-build)" >&2; exit 2 ;;
  esac
done

document=docs/tab-api.openapi.json
types=src/Tab/src/shared/api/generated.ts
fix="bash scripts/tab-api.sh"

if [ "$build" -eq 1 ]; then
  dotnet build src/LeanTeamsApp --no-restore --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
fi

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
work=$(mktemp -d)
pids=()
stop() { # pid: ask politely, then insist
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do stop "${pids[$i]}"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

app_port=$(free_port); blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
node node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --silent --skipApiVersionCheck --disableProductStyleUrl \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" > "$work/azurite.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do
  if grep -q "Table service is successfully listening" "$work/azurite.log"; then break; fi
  sleep 1
done
grep -q "Table service is successfully listening" "$work/azurite.log" || { cat "$work/azurite.log" >&2; echo "tab-api: Azurite did not start" >&2; exit 1; }

# Only what the service needs to start; nothing is seeded, since the document depends on the code alone.
(
  cd src/LeanTeamsApp
  export ASPNETCORE_ENVIRONMENT=Development
  export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"
  exec dotnet bin/Debug/net10.0/LeanTeamsApp.dll --urls "http://127.0.0.1:${app_port}"
) > "$work/service.log" 2>&1 &
pids+=($!)

url="http://127.0.0.1:${app_port}/openapi/tab.json"
fetched=0
for _ in $(seq 1 90); do
  # Written with two-space indentation and a final newline, so a change reads as a small diff in review.
  if node -e "fetch(process.argv[1]).then(async r => { if (!r.ok) process.exit(1); process.stdout.write(JSON.stringify(await r.json(), null, 2) + '\n'); }, () => process.exit(1))" \
      "$url" > "$work/openapi.json" 2>/dev/null; then
    fetched=1; break
  fi
  kill -0 "${pids[1]}" 2>/dev/null || break
  sleep 1
done
if [ "$fetched" -ne 1 ]; then
  tail -40 "$work/service.log" >&2
  echo "tab-api: the service did not serve $url" >&2
  exit 1
fi

npx --no-install openapi-typescript "$work/openapi.json" --output "$work/generated.ts" --silent

if [ "$check" -eq 0 ]; then
  cp "$work/openapi.json" "$document"
  cp "$work/generated.ts" "$types"
  echo "tab-api: wrote $document and $types; run 'npm run build:tab' to see what the tab must follow"
  exit 0
fi

stale=0
for pair in "$document:$work/openapi.json" "$types:$work/generated.ts"; do
  committed=${pair%%:*}; fresh=${pair#*:}
  if ! cmp -s "$committed" "$fresh"; then
    diff -u "$committed" "$fresh" | head -60 >&2 || true
    echo "tab-api: $committed is not what the service's OpenAPI document gives now" >&2
    stale=1
  fi
done
if [ "$stale" -ne 0 ]; then
  echo "tab-api: the tab's API types are out of date. Run '$fix', then 'npm run build:tab' and fix what it finds, and commit both files." >&2
  exit 1
fi
echo "tab-api: $document and $types match the service"
