#!/usr/bin/env bash
# Runs one process of the assistant in the foreground; systemd units, scripts/run-prod.sh and scripts/run.sh
# call it.
#   scripts/serve.sh actions <port>    the action server
#   scripts/serve.sh rasa <port>       Rasa (REST channel; API behind RASA_TOKEN, required with BOT_ENV=production)
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
    # the API (the gateways read trackers through it) wants RASA_TOKEN; only on one machine may it be open
    auth=()
    if [ -n "${RASA_TOKEN:-}" ]; then
      auth=(--auth-token "$RASA_TOKEN")
    elif [ "${BOT_ENV:-}" = "production" ]; then
      echo "RASA_TOKEN is needed in production: the gateways read trackers through the Rasa API with it" >&2
      exit 2
    fi
    # a replica that dies keeps its lock on a conversation this long (seconds), then another replica takes over
    export TICKET_LOCK_LIFETIME=${TICKET_LOCK_LIFETIME:-20}
    exec $BIN/python -m serving.rasa_run run --model "${MODEL:-models/assistant.tar.gz}" --endpoints endpoints.yml \
      --credentials credentials.yml --interface 127.0.0.1 --port "$port" --enable-api "${auth[@]}" ;;
  gateway)
    export BOT_PORT=$port BOT_HOST=127.0.0.1
    exec $BIN/python -m bot ;;
  *)
    echo "usage: scripts/serve.sh actions|rasa|gateway <port>" >&2; exit 2 ;;
esac
