#!/usr/bin/env bash
# Starts the action server, Rasa (REST channel) and the gateway (each as scripts/serve.sh runs it in production),
# waits until they answer, and says where to talk to them.
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

source scripts/procs.sh

start actions scripts/serve.sh actions "$ACTIONS_PORT"
wait_for "http://localhost:$ACTIONS_PORT/health" "The action server" 60

if [ "${1:-}" = "--shell" ]; then
  $BIN/rasa shell --model models/assistant.tar.gz --endpoints endpoints.yml
  exit
fi

start rasa scripts/serve.sh rasa "$RASA_PORT"
wait_for "http://localhost:$RASA_PORT/status" "Rasa" 180
export RASA_URL="http://localhost:$RASA_PORT" ACTIONS_URL="http://localhost:$ACTIONS_PORT"
start gateway scripts/serve.sh gateway "$BOT_PORT"
wait_for "http://localhost:$BOT_PORT/healthz" "The gateway" 30
echo
echo "The assistant is running."
echo "  Chat with it: http://localhost:$BOT_PORT (a demo page with the chat widget)"
echo "  Web chat API: http://localhost:$BOT_PORT/api/chat (privacy filter), health: http://localhost:$BOT_PORT/healthz"
echo "  Rasa itself:  curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{\"sender\":\"me\",\"message\":\"hallo\"}'"
echo "  Or chat in a terminal: make shell"
echo "  Logs: $LOGS/   Stop: Ctrl-C"
detach_or_wait
