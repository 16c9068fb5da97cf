"""`python -m bot.telegram poll | set-webhook URL | delete-webhook` (settings from the environment: bot/config.py).

    poll              long polling: this process asks Telegram for new messages; no public address needed (a
                      laptop, a small deployment). Rasa must run at RASA_URL. Telegram delivers to a webhook or
                      to polling, not both: poll removes a webhook that is set.
    set-webhook URL   tells Telegram to deliver to URL (https://…/telegram/webhook on the gateway) with
                      TELEGRAM_WEBHOOK_SECRET as the secret header; the gateway must have the same secret.
    delete-webhook    stops delivery to the webhook (then poll, or set it again).

How to create the bot and run both modes: docs/telegram.md.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from urllib.parse import urlsplit

from telegram import Bot

from bot.config import Config, ConfigError
from bot.rasa_client import RasaClient, http_session
from bot.telegram.handlers import ALLOWED_UPDATES, TelegramChannel, api_urls
from bot.telegram.webhook import PATH

log = logging.getLogger("bot.telegram")


def bot_for(config: Config) -> Bot:
    base_url, base_file_url = api_urls(config)
    return Bot(config.telegram_token, base_url=base_url, base_file_url=base_file_url)


async def poll(config: Config, stop: asyncio.Event | None = None, poll_timeout: int = 30) -> None:
    """Long polling until `stop` is set (or SIGINT/SIGTERM)."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # not the main thread, or not supported here
            pass
    async with http_session() as session:
        channel = TelegramChannel(config, RasaClient.from_config(session, config), polling=True)
        await channel.start()
        updater = channel.application.updater
        await updater.start_polling(timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES)
        log.info("telegram: polling as @%s; Rasa at %s. Stop with Ctrl-C.", channel.application.bot.username,
                 config.rasa_url)
        try:
            await stop.wait()
        finally:
            await updater.stop()
            await channel.stop()


async def set_webhook(config: Config, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ConfigError("the webhook URL must start with https:// (Telegram only delivers over HTTPS)")
    if not parts.path.endswith(PATH):
        raise ConfigError(f"the webhook URL must end with {PATH}")
    if not config.telegram_webhook_secret:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET is not set; the gateway needs the same secret")
    async with bot_for(config) as bot:
        await bot.set_webhook(url, secret_token=config.telegram_webhook_secret, allowed_updates=ALLOWED_UPDATES)
    return f"Webhook set: Telegram delivers to {url}"


async def delete_webhook(config: Config) -> str:
    async with bot_for(config) as bot:
        await bot.delete_webhook()
    return "Webhook removed: Telegram no longer delivers to the gateway (use poll, or set it again)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.telegram", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("poll", help="long polling (no public address needed)")
    setter = commands.add_parser("set-webhook", help="deliver to https://…/telegram/webhook on the gateway")
    setter.add_argument("url")
    commands.add_parser("delete-webhook", help="stop delivering to the webhook")
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = Config.from_env()
        if not config.telegram_token:
            raise ConfigError("TELEGRAM_TOKEN is not set (the token from BotFather; docs/telegram.md)")
        if args.command == "poll":
            asyncio.run(poll(config))
            return 0
        message = asyncio.run(set_webhook(config, args.url) if args.command == "set-webhook"
                              else delete_webhook(config))
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
