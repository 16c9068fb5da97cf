#!/usr/bin/env bash
# The production layout on one machine: the action server, RASA_REPLICAS Rasa replicas and GATEWAY_REPLICAS
# gateways behind nginx, sharing PostgreSQL (conversations) and Redis (locks); no sticky sessions. The same
# processes as the systemd units of docs/deployment.md (each is scripts/serve.sh), and the same nginx file.
#   make run-prod                      # PostgreSQL and Redis on this machine; the assistant on http://localhost:8080
#   RUN_DETACHED=1 scripts/run-prod.sh # start, write $RUN_DIR/pids/<name>, and return
# Settings (environment, defaults in brackets): TRACKER_STORE_URL [postgresql://postgres@127.0.0.1:5432/assistant,
# created when missing], REDIS_HOST/REDIS_PORT/REDIS_DB [localhost/6379/1], SESSION_SECRET and RASA_TOKEN [made once
# and kept in $RUN_DIR], RASA_REPLICAS [2], GATEWAY_REPLICAS [2], PUBLIC_PORT [8080], RASA_LB_PORT [5080],
# ACTIONS_PORT [5065], RASA_BASE_PORT [5011], GATEWAY_BASE_PORT [8011], RUN_DIR [.rasa/prod], ALLOWED_ORIGINS.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR=$(mkdir -p "${RUN_DIR:-.rasa/prod}" && cd "${RUN_DIR:-.rasa/prod}" && pwd)
LOGS=$RUN_DIR/logs
mkdir -p "$LOGS" "$RUN_DIR/pids" "$RUN_DIR/nginx-tmp"
BIN=.venv/bin
RASA_REPLICAS=${RASA_REPLICAS:-2} GATEWAY_REPLICAS=${GATEWAY_REPLICAS:-2}
PUBLIC_PORT=${PUBLIC_PORT:-8080} RASA_LB_PORT=${RASA_LB_PORT:-5080} ACTIONS_PORT=${ACTIONS_PORT:-5065}
RASA_BASE_PORT=${RASA_BASE_PORT:-5011} GATEWAY_BASE_PORT=${GATEWAY_BASE_PORT:-8011}

secret() {  # a value from the environment, else one made once and kept in $RUN_DIR (mode 600)
  local file=$RUN_DIR/$1
  [ -s "$file" ] || (umask 077 && $BIN/python -c 'import secrets; print(secrets.token_hex(32))' > "$file")
  cat "$file"
}
export SESSION_SECRET=${SESSION_SECRET:-$(secret session-secret)}
export RASA_TOKEN=${RASA_TOKEN:-$(secret rasa-token)}
export TRACKER_STORE_URL=${TRACKER_STORE_URL:-postgresql://postgres@127.0.0.1:5432/assistant}
export LOCK_STORE_TYPE=serving.lock_store.RedisLockStore  # Rasa's RedisLockStore, mended (serving/lock_store.py)
export ACTION_SERVER_URL=http://127.0.0.1:$ACTIONS_PORT/webhook
export RASA_URL=http://127.0.0.1:$RASA_LB_PORT ACTIONS_URL=http://127.0.0.1:$ACTIONS_PORT
export BOT_ENV=production TRUSTED_PROXY_HOPS=1
export RASA_TIMEOUT=${RASA_TIMEOUT:-60}  # under load, and while a lost replica's lock runs out, a turn can take a while
export ALLOWED_ORIGINS=${ALLOWED_ORIGINS:-http://localhost:$PUBLIC_PORT,http://127.0.0.1:$PUBLIC_PORT}
source scripts/env.sh
# the gateways' rate limits, shared in Redis (a database of its own)
export RATE_LIMIT_REDIS_URL=${RATE_LIMIT_REDIS_URL:-redis://$REDIS_HOST:$REDIS_PORT/2}

# the PostgreSQL database, when it is not there yet
$BIN/python - "$TRACKER_STORE_URL" <<'PY'
import sys
import sqlalchemy as sa
url = sa.engine.make_url(sys.argv[1])
if url.get_backend_name() == "postgresql":
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as conn:
        if not conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": url.database}).first():
            conn.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
PY

PIDS_DIR=$RUN_DIR/pids
source scripts/procs.sh

# what every process here was started with, for starting one again by hand: env $(cat $RUN_DIR/env) scripts/serve.sh …
(umask 077 && env | grep -E '^(SESSION_SECRET|RASA_TOKEN|TRACKER_STORE_URL|LOCK_STORE_TYPE|REDIS_[A-Z]+|ACTION_SERVER_URL|RASA_URL|ACTIONS_URL|BOT_ENV|TRUSTED_PROXY_HOPS|ALLOWED_ORIGINS|RASA_TIMEOUT|MODEL|TICKET_LOCK_LIFETIME|RATE_[A-Z_]+)=' > "$RUN_DIR/env")
start actions scripts/serve.sh actions "$ACTIONS_PORT"
rasa_ports="" gateway_ports=""
for i in $(seq 1 "$RASA_REPLICAS"); do
  port=$((RASA_BASE_PORT + i - 1)); rasa_ports="$rasa_ports $port"
  start "rasa-$i" scripts/serve.sh rasa "$port"
done
for i in $(seq 1 "$GATEWAY_REPLICAS"); do
  port=$((GATEWAY_BASE_PORT + i - 1)); gateway_ports="$gateway_ports $port"
  start "gateway-$i" scripts/serve.sh gateway "$port"
done
{
  echo "worker_processes 1; daemon off; pid $RUN_DIR/nginx.pid; error_log $LOGS/nginx-error.log warn;"
  [ "$(id -u)" -eq 0 ] && echo "user root;"  # workers write the temp files under $RUN_DIR
  echo "events { worker_connections 1024; }"
  echo "http {"
  for d in client_body proxy fastcgi uwsgi scgi; do echo "  ${d}_temp_path $RUN_DIR/nginx-tmp/$d;"; done
  RASA_PORTS="$rasa_ports" GATEWAY_PORTS="$gateway_ports" PUBLIC_LISTEN="$PUBLIC_PORT" RASA_LB_PORT="$RASA_LB_PORT" \
    LOG_DIR="$LOGS" scripts/render-nginx.sh | sed 's/^/  /'
  echo "}"
} > "$RUN_DIR/nginx.conf"
start nginx nginx -c "$RUN_DIR/nginx.conf" -e "$LOGS/nginx-error.log"

wait_for "http://127.0.0.1:$ACTIONS_PORT/health" "The action server" 90
for port in $rasa_ports; do wait_for "http://127.0.0.1:$port/" "Rasa on $port" 300; done
wait_for "http://127.0.0.1:$PUBLIC_PORT/healthz" "The gateways behind nginx" 60
echo "The assistant runs on http://localhost:$PUBLIC_PORT ($RASA_REPLICAS Rasa replicas, $GATEWAY_REPLICAS gateways, nginx)."
echo "  Logs: $LOGS/   Stop: Ctrl-C"
detach_or_wait
