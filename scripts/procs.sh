# Sourced by run.sh and run-prod.sh: start processes in the background with a log each, wait until they answer,
# and stop them all on exit. Needs $LOGS; with $PIDS_DIR set, each pid is also written there under its name.
pids=()
start() {  # name, command...
  local name=$1; shift
  "$@" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
  if [ -n "${PIDS_DIR:-}" ]; then echo $! > "$PIDS_DIR/$name"; fi
}
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM
wait_for() {  # url, name, seconds
  for _ in $(seq 1 "$3"); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$2 did not start in $3 s; see $LOGS" >&2
  return 1
}
detach_or_wait() {  # RUN_DETACHED=1: leave the processes running (their pids in $LOGS/pids) and return
  if [ "${RUN_DETACHED:-}" = "1" ]; then
    trap - EXIT INT TERM
    echo "${pids[*]}" > "$LOGS/pids"
    exit 0
  fi
  wait
}
