"""Speed benchmark of the assistant against a fresh `rasa init` bot, in the same run.

Run it with `make bench` or `.venv/bin/python -m bench.run [--quick] [--skip-train]`.
It writes bench/results.md and bench/results.json; logs of the last run go to .bench/logs/.

Modules:
    run       the command line and the order of the measurements
    projects  temp copies of the projects, `rasa init`, `rasa train`, the endpoints file
    procs     starting and stopping process groups, free ports, RSS of a process tree via /proc
    load      the REST clients: single-user latency and many-user throughput (aiohttp)
    messages  what is sent to each bot
    stats     percentiles, ratios and the Markdown table
"""
