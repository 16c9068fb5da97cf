"""`python -m bot`: serves the gateway on BOT_HOST:BOT_PORT (127.0.0.1:8000); settings: bot/config.py."""
from __future__ import annotations

import logging
import os

from aiohttp import web

from bot.app import create_app
from bot.config import Config

# The access log names the request line, status, size and time; not the client's address or browser.
ACCESS_LOG_FORMAT = '"%r" %s %b %Tfs'


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = Config.from_env()
    web.run_app(create_app(config), host=config.host, port=config.port, access_log_format=ACCESS_LOG_FORMAT)


if __name__ == "__main__":
    main()
