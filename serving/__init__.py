"""How the assistant's servers are started in production (scripts/serve.sh)."""
