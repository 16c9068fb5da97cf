#!/usr/bin/env bash
# Writes deploy/nginx/assistant.conf with the ports filled in, to stdout.
#   RASA_PORTS="5011 5012" GATEWAY_PORTS="8011 8012" PUBLIC_LISTEN=8080 RASA_LB_PORT=5080 LOG_DIR=/var/log/nginx \
#     scripts/render-nginx.sh > /etc/nginx/conf.d/assistant.conf
set -euo pipefail
cd "$(dirname "$0")/.."
servers() { for p in $1; do printf '    server 127.0.0.1:%s max_fails=1 fail_timeout=5s;\n' "$p"; done; }
rasa=$(servers "${RASA_PORTS:-5011 5012}")
gateways=$(servers "${GATEWAY_PORTS:-8011 8012}")
RASA="$rasa" GATEWAYS="$gateways" python3 - deploy/nginx/assistant.conf \
  "${PUBLIC_LISTEN:-8080}" "${RASA_LB_PORT:-5080}" "${LOG_DIR:-/var/log/nginx}" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for key, value in (("@RASA_SERVERS@", os.environ["RASA"]), ("@GATEWAY_SERVERS@", os.environ["GATEWAYS"]),
                   ("@PUBLIC_LISTEN@", sys.argv[2]), ("@RASA_LB_PORT@", sys.argv[3]), ("@LOG_DIR@", sys.argv[4])):
    text = text.replace(key, value)
sys.stdout.write(text)
PY
