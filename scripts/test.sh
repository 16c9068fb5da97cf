#!/usr/bin/env bash
# Every test of the assistant, in the order a failure is cheapest to find:
#   1. unit and content tests (pytest)            4. test conversations (rasa test core, no prediction errors)
#   2. training data validation (rasa data validate) 5. the exam: a running assistant answers like a user expects
#   3. NLU on a held-out test set (F1 per intent)      and safety: recall per kind, crisis conversations
#                                                    6. the web widget in headless Chromium (axe, keyboard, XSS)
#                                                    7. the production layout: replicas, nginx, PostgreSQL, Redis
#   scripts/test.sh --exam-only   only step 5
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export PYTHONHASHSEED=0
BIN=.venv/bin
MODEL=models/assistant.tar.gz
mkdir -p results

if [ "${1:-}" != "--exam-only" ]; then
  echo "== 1. unit and content tests"
  $BIN/pytest -q tests

  echo "== 2. training data"
  $BIN/rasa data validate --fail-on-warnings

  echo "== 3. NLU on the held-out test set"
  $BIN/rasa test nlu --model "$MODEL" --nlu tests/nlu --out results/nlu >results/nlu.log 2>&1 || { tail -30 results/nlu.log; exit 1; }
  $BIN/python -m quality.nlu_report results/nlu

  echo "== 4. test conversations"
  $BIN/rasa test core --model "$MODEL" --stories tests/stories --out results/core --fail-on-prediction-errors \
    >results/core.log 2>&1 || { tail -40 results/core.log; cat results/core/failed_test_stories.yml 2>/dev/null; exit 1; }
  echo "all test conversations pass"
fi

echo "== 5. the exam, against the running assistant"
export ACTIONS_PORT=${EXAM_ACTIONS_PORT:-5055} RASA_PORT=${EXAM_RASA_PORT:-5005} BOT_PORT=${EXAM_BOT_PORT:-8000}
export LOGS=results/logs RUN_DETACHED=1
scripts/run.sh >/dev/null
trap 'kill $(cat results/logs/pids) 2>/dev/null || true' EXIT
url="http://localhost:$RASA_PORT/webhooks/rest/webhook"
$BIN/python -m quality.exam_gate tests/exam/sample.yml --min 1.0 --url "$url"
$BIN/python -m quality.exam_gate tests/exam/cases.yml --min 0.9 --url "$url"
echo "== 5a. safety: held-out messages (recall per kind, false alarms) and crisis conversations"
$BIN/python -m quality.safety_report tests/safety/messages.yml --url "http://localhost:$RASA_PORT"
for more in tests/safety/more/*.yml; do
  $BIN/python -m quality.safety_report "$more" --url "http://localhost:$RASA_PORT" --report-only | head -9
done
safe=crisis-first,crisis-followup,threat,emergency,medical,english
for cases in tests/exam/safety.yml tests/exam/safety-more-*.yml; do
  $BIN/python -m quality.exam_gate "$cases" --min 0.9 --every "$safe" --url "$url"
done
echo "== 5b. the gateway with the real assistant: personal data never reaches the tracker store; Telegram"
GATEWAY_URL="http://localhost:$BOT_PORT" RASA_URL="http://localhost:$RASA_PORT" \
  $BIN/pytest -q tests/integration/test_privacy_in_tracker_store.py tests/integration/test_telegram.py

if [ "${1:-}" != "--exam-only" ]; then
  echo "== 6. the web widget in headless Chromium"
  bash scripts/install-browser.sh
  (cd tests/browser && REAL_GATEWAY_URL="http://localhost:$BOT_PORT" node --test)

  echo "== 7. production layout: 2 Rasa replicas and 2 gateways behind nginx, PostgreSQL and Redis"
  kill $(cat results/logs/pids) 2>/dev/null || true  # the CPU is for the cluster now
  bash scripts/install-debian.sh /usr/sbin/nginx=nginx-light
  SCALE_OUT=1 $BIN/pytest -q tests/integration/test_scale_out.py
fi
