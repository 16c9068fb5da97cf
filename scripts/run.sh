#!/usr/bin/env bash
# Starts the action server, Rasa (REST channel) and the gateway, waits until they answer, and says where to talk to them.
#   scripts/run.sh           the demo page with the chat widget on http://localhost:8000, Rasa on :5005
#   scripts/run.sh --shell   chat in this terminal
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ACTIONS_PORT=${ACTIONS_PORT:-5055}
export ACTION_SERVER_URL=http://localhost:$ACTIONS_PORT/webhook  # the action server this script starts
source scripts/env.sh
RASA_PORT=${RASA_PORT:-5005}
BOT_PORT=${BOT_PORT:-8000}
LOGS=${LOGS:-.rasa/logs}
mkdir -p "$LOGS"

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

wait_for() {  # url, name, seconds
  for _ in $(seq 1 "$3"); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "$2 did not start in $3 s; see $LOGS" >&2
  return 1
}

$BIN/rasa run actions --port "$ACTIONS_PORT" --actions actions >"$LOGS/actions.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$ACTIONS_PORT/health" "The action server" 60

if [ "${1:-}" = "--shell" ]; then
  $BIN/rasa shell --model models/assistant.tar.gz --endpoints endpoints.yml
  exit
fi

$BIN/python -m serving.rasa_run run --model models/assistant.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  --port "$RASA_PORT" --enable-api --cors "*" >"$LOGS/rasa.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$RASA_PORT/status" "Rasa" 180
RASA_URL="http://localhost:$RASA_PORT" ACTIONS_URL="http://localhost:$ACTIONS_PORT" BOT_PORT=$BOT_PORT \
  $BIN/python -m bot >"$LOGS/gateway.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$BOT_PORT/healthz" "The gateway" 30
echo
echo "The assistant is running."
echo "  Chat with it: http://localhost:$BOT_PORT (a demo page with the chat widget)"
echo "  Web chat API: http://localhost:$BOT_PORT/api/chat (privacy filter), health: http://localhost:$BOT_PORT/healthz"
echo "  Rasa itself:  curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{\"sender\":\"me\",\"message\":\"hallo\"}'"
echo "  Or chat in a terminal: make shell"
echo "  Logs: $LOGS/   Stop: Ctrl-C"
if [ "${RUN_DETACHED:-}" = "1" ]; then
  trap - EXIT INT TERM
  echo "${pids[*]}" > "$LOGS/pids"
  exit 0
fi
wait
