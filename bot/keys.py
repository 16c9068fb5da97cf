"""Typed keys for what the application shares between its handlers."""
from __future__ import annotations

import aiohttp
from aiohttp import web

from bot.config import Config
from bot.conversations import ConversationStore
from bot.rasa_client import RasaClient
from bot.ratelimit import Limiter

CONFIG = web.AppKey("config", Config)
HTTP = web.AppKey("http", aiohttp.ClientSession)
RASA = web.AppKey("rasa", RasaClient)
SESSION_LIMIT = web.AppKey("session_limit", Limiter)
ADDRESS_LIMIT = web.AppKey("address_limit", Limiter)
CONVERSATIONS = web.AppKey("conversations", ConversationStore)
