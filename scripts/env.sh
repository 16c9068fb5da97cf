# Sourced by the scripts that start Rasa: the settings endpoints.yml reads, with the defaults for one machine
# (a SQLite file for conversations, locks in memory). Set them in the environment to change them; see
# deploy/production.env.example for production (PostgreSQL and Redis).
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://localhost:${ACTIONS_PORT:-5055}/webhook}
export TRACKER_STORE_URL=${TRACKER_STORE_URL:-sqlite:///.rasa/tracker.db}
export LOCK_STORE_TYPE=${LOCK_STORE_TYPE:-in_memory}
export REDIS_HOST=${REDIS_HOST:-localhost}
export REDIS_PORT=${REDIS_PORT:-6379}
export REDIS_DB=${REDIS_DB:-1}
export REDIS_PASSWORD=${REDIS_PASSWORD:-}
