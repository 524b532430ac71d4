#!/usr/bin/env bash
# Runs LeanTeamsApp locally: Azurite (data kept in .local/azurite), the service on 127.0.0.1 with the demo
# organisation loaded, and prints the URLs. Ctrl-C stops everything.
#   scripts/run.sh           run until Ctrl-C
#   scripts/run.sh --smoke   start on free ports, check /healthz and the demo data, stop (used by the test command)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-run}

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

bash scripts/setup.sh

demo_tenant=3f6a8f52-7c1e-4b8e-9d3a-5e2b1c0d9a71
if [ "$mode" = "--smoke" ]; then
  data=$(mktemp -d)
  app_port=$(free_port); blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port); playground_port=$(free_port)
else
  data="$root/.local/azurite"
  app_port=${LEAN_APP_PORT:-3978}
  playground_port=${PLAYGROUND_PORT:-56150}
  blob_port=${AZURITE_BLOB_PORT:-10000}; queue_port=${AZURITE_QUEUE_PORT:-10001}; table_port=${AZURITE_TABLE_PORT:-10002}
fi
mkdir -p "$data" .local/logs

pids=()
stop() { # pid: ask politely, then insist (Azurite can take minutes to honour SIGTERM)
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  # The service first, storage last.
  for ((i=${#pids[@]}-1; i>=0; i--)); do stop "${pids[$i]}"; done
  if [ "$mode" = "--smoke" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # url, seconds, what
  for _ in $(seq 1 "$2"); do
    if node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$1"; then return 0; fi
    sleep 1
  done
  echo "run: $3 did not answer at $1 within $2 s" >&2
  return 1
}

node node_modules/azurite/dist/src/azurite.js --location "$data" --skipApiVersionCheck --disableProductStyleUrl \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" > .local/logs/azurite.log 2>&1 &
pids+=($!)

connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"
for _ in $(seq 1 30); do
  if grep -q "Table service is successfully listening" .local/logs/azurite.log; then break; fi
  sleep 1
done
grep -q "Table service is successfully listening" .local/logs/azurite.log || { cat .local/logs/azurite.log >&2; echo "run: Azurite did not start" >&2; exit 1; }

npm run build:tab  # the Teams tab (src/Tab), built into src/LeanTeamsApp/wwwroot/tab, which the service serves at /tab/
dotnet build src/LeanTeamsApp --no-restore --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
export ASPNETCORE_ENVIRONMENT=Development
# The tab's development sign-in (anyone may sign in as anyone of the demo organisation): honoured only in Development.
export TabAuth__DevelopmentSignIn=true
export Storage__ConnectionString="$connection"
export Organisation__SeedFile="$root/demo/organisation.yaml"
export Organisation__SeedTenantId="$demo_tenant"
export Demo__SeedActivity=true  # ten weeks of check-ins and this year's plan, so the digest, reports and tab show something
# Local only: the Agents Playground sends no Bot Framework token and is its own connector on localhost.
export Bot__AllowUnauthenticatedLocalRequests=true
export Bot__ExtraTrustedServiceUrlHosts__0=localhost
export Bot__ExtraTrustedServiceUrlHosts__1=127.0.0.1
if [ "$mode" = "--smoke" ]; then
  dotnet run --project src/LeanTeamsApp --no-build --no-launch-profile --urls "http://127.0.0.1:${app_port}" > .local/logs/service-smoke.log 2>&1 &
else
  dotnet run --project src/LeanTeamsApp --no-build --no-launch-profile --urls "http://127.0.0.1:${app_port}" &
fi
pids+=($!)

app="http://127.0.0.1:${app_port}"
if ! wait_for "$app/healthz" 90 "the service"; then
  [ "$mode" = "--smoke" ] && tail -n 40 .local/logs/service-smoke.log >&2
  exit 1
fi

# The Playground reads its mock tenant, users and team from demo/playground/.m365agentsplayground.yml.
# It listens on loopback only (scripts/loopback-only.cjs): on all interfaces, anyone on the network could chat with
# this bot as the demo's coordinator.
(cd demo/playground && TEAMSAPPTESTER_BROWSER=none TEAMSAPPTESTER_LOGFILE="$root/.local/logs/playground-debug.log" exec node --require "$root/scripts/loopback-only.cjs" "$root/node_modules/@microsoft/m365agentsplayground/cli.js" start \
  -e "$app/api/messages" -c msteams --dt -p "$playground_port" --su "http://127.0.0.1:${playground_port}/_connector") > .local/logs/playground.log 2>&1 &
pids+=($!)
playground="http://127.0.0.1:${playground_port}"
wait_for "$playground" 60 "the Agents Playground" || { tail -n 20 .local/logs/playground.log .local/logs/playground-debug.log >&2; exit 1; }

if [ "$mode" = "--smoke" ]; then
  health=$(node -e "fetch(process.argv[1]).then(r => r.text()).then(t => console.log(t))" "$app/healthz")
  echo "smoke: /healthz -> $health"
  echo "$health" | grep -q '"status":"Healthy"' || exit 1
  grep -q "Imported seed organisation" .local/logs/service-smoke.log || { echo "smoke: the demo organisation was not imported" >&2; exit 1; }
  node scripts/loopback-check.mjs "$app_port" "$playground_port" "$table_port" || exit 1
  node scripts/smoke-playground.mjs "$playground" || { tail -n 30 .local/logs/service-smoke.log >&2; exit 1; }
  node scripts/smoke-tab.mjs "$app" || { tail -n 30 .local/logs/service-smoke.log >&2; exit 1; }
  echo "smoke: the run command came up healthy with the demo organisation, the bot answered in the Agents Playground, and the tab rendered"
  exit 0
fi

cat <<INFO

  LeanTeamsApp is running with the demo organisation "Fjordvik kommune" (tenant $demo_tenant).
    Service        $app
    Health         $app/healthz
    Bot endpoint   $app/api/messages
    Playground     $playground   (a Teams-like chat with the bot; you are Jonas Vik, the Lean coordinator)
    Tab            $app/tab/   (development sign-in, e.g. lean.koordinator@fjordvik.kommune.no; ?theme=dark|contrast)
    Table storage  http://127.0.0.1:${table_port}/devstoreaccount1   (Azurite; data in .local/azurite)
  Import another organisation file:
    dotnet run --project src/LeanTeamsApp --no-build -- import --tenant <tenant-guid> <file.yaml|file.csv>
  Stop with Ctrl-C.

INFO
wait "${pids[@]}"
