"""Deletes conversations older than the retention period from the tracker store. Run it daily (a systemd timer
or a Kubernetes CronJob: docs/deployment.md).

    python -m bot.retention              # RETENTION_DAYS (30) and TRACKER_STORE_URL from the environment
    python -m bot.retention --days 7

Prints how many conversations and events were deleted; never which ones.
"""
from __future__ import annotations

import argparse
import os
import sys

from bot.conversations import DEFAULT_URL, ConversationStore

DEFAULT_DAYS = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=float, default=float(os.environ.get("RETENTION_DAYS") or DEFAULT_DAYS),
                        help="delete conversations whose last message is older than this (default 30)")
    parser.add_argument("--url", default=os.environ.get("TRACKER_STORE_URL") or DEFAULT_URL,
                        help="the tracker store's SQLAlchemy URL (default TRACKER_STORE_URL or the SQLite file)")
    args = parser.parse_args(argv)
    if args.days <= 0:
        parser.error("--days must be positive")
    store = ConversationStore(args.url)
    try:
        purged = store.purge_sync(args.days)
    finally:
        store.close()
    print(f"deleted {purged.conversations} conversations ({purged.events} events) older than {args.days:g} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
