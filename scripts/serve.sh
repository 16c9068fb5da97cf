#!/usr/bin/env bash
# Runs one process of the production layout in the foreground; systemd units and scripts/run-prod.sh call it.
#   scripts/serve.sh actions <port>    the action server
#   scripts/serve.sh rasa <port>       a Rasa replica (REST channel, API behind RASA_TOKEN), on 127.0.0.1
#   scripts/serve.sh gateway <port>    a gateway (web chat, Telegram webhook, /privacy), on 127.0.0.1
# Settings come from the environment (deploy/production.env.example lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
BIN=.venv/bin
role=$1 port=$2
case "$role" in
  actions)
    exec $BIN/rasa run actions --port "$port" --actions actions ;;
  rasa)
    : "${RASA_TOKEN:?RASA_TOKEN is needed: the gateways read trackers through the Rasa API with it}"
    # a replica that dies keeps its lock on a conversation this long (seconds), then another replica takes over
    export TICKET_LOCK_LIFETIME=${TICKET_LOCK_LIFETIME:-20}
    exec $BIN/python -m serving.rasa_run run --model "${MODEL:-models/assistant.tar.gz}" --endpoints endpoints.yml \
      --credentials credentials.yml --interface 127.0.0.1 --port "$port" --enable-api --auth-token "$RASA_TOKEN" ;;
  gateway)
    export BOT_PORT=$port BOT_HOST=127.0.0.1
    exec $BIN/python -m bot ;;
  *)
    echo "usage: scripts/serve.sh actions|rasa|gateway <port>" >&2; exit 2 ;;
esac
