"""Settings of the gateway, read from the environment (`Config.from_env`); every field has a safe default.

    BOT_HOST, BOT_PORT            where `python -m bot` listens (127.0.0.1, 8000)
    BOT_ENV                       "production" makes SESSION_SECRET required
    RASA_URL, ACTIONS_URL         Rasa's server and the action server
    ALLOWED_ORIGINS               comma list of origins that may call the API
    ALLOW_NO_ORIGIN               "1" lets requests without an Origin header through (curl, same-origin tools)
    SESSION_SECRET                key for the session pseudonyms (at least 32 characters in production)
    MAX_MESSAGE_CHARS             longer messages get a friendly reply and are not sent to Rasa
    RASA_TIMEOUT, HEALTH_TIMEOUT  seconds
    RATE_SESSION_BURST, RATE_SESSION_PER_MINUTE, RATE_ADDRESS_BURST, RATE_ADDRESS_PER_MINUTE
    TRUSTED_PROXY_HOPS            proxies in front of the gateway; 0 = take the address of the connection
    FRAME_ANCESTORS               CSP frame-ancestors value ("'none'"; e.g. "'self' https://example.nl")
    HSTS                          "1" adds Strict-Transport-Security (only behind HTTPS)
    MAX_BODY_BYTES                larger request bodies get 413 (64 KiB)
    TRACKER_STORE_URL             Rasa's tracker store (SQLAlchemy URL), to delete a conversation on request
    RASA_TOKEN                    Rasa's API token (rasa run --auth-token), to read a turn back from a tracker
    RATE_LIMIT_REDIS_URL          redis://host:6379/2: rate limits shared by all gateway replicas (else in memory)
    TELEGRAM_TOKEN                the bot's token from BotFather; with TELEGRAM_WEBHOOK_SECRET the gateway serves
    TELEGRAM_WEBHOOK_SECRET       POST /telegram/webhook (docs/telegram.md); 1-256 of A-Z a-z 0-9 _ -
    TELEGRAM_API_URL              the Bot API server (https://api.telegram.org); tests point it at a fake
    RATE_CHAT_BURST, RATE_CHAT_PER_MINUTE   the rate limit of one Telegram chat
(`python -m bot` also reads LOG_LEVEL, INFO by default.)
"""
from __future__ import annotations

import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from typing import Mapping

log = logging.getLogger(__name__)

MIN_PRODUCTION_SECRET = 32
DEFAULT_TRACKER_STORE_URL = "sqlite:///.rasa/tracker.db"  # as scripts/env.sh gives Rasa
TELEGRAM_SECRET_FORM = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as secret_token
_TRUE = {"1", "true", "yes", "on"}


class ConfigError(ValueError):
    """A setting is missing or wrong."""


@dataclass(frozen=True)
class Config:
    host: str = "127.0.0.1"
    port: int = 8000
    production: bool = False
    rasa_url: str = "http://localhost:5005"
    actions_url: str = "http://localhost:5055"
    allowed_origins: tuple[str, ...] = ("http://localhost:8000",)
    allow_no_origin: bool = False
    session_secret: str = ""
    max_message_chars: int = 1000
    rasa_timeout: float = 15.0
    health_timeout: float = 2.0
    rate_session_burst: int = 10
    rate_session_per_minute: float = 20.0
    rate_address_burst: int = 30
    rate_address_per_minute: float = 60.0
    trusted_proxy_hops: int = 0
    frame_ancestors: str = "'none'"
    hsts: bool = False
    max_body_bytes: int = 64 * 1024
    tracker_store_url: str = DEFAULT_TRACKER_STORE_URL
    rasa_token: str = field(default="", repr=False)
    rate_limit_redis_url: str = field(default="", repr=False)
    telegram_token: str = field(default="", repr=False)
    telegram_webhook_secret: str = field(default="", repr=False)
    telegram_api_url: str = "https://api.telegram.org"
    rate_chat_burst: int = 10
    rate_chat_per_minute: float = 20.0
    secret_is_random: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen dataclass
        set_(self, "rasa_url", self.rasa_url.rstrip("/"))
        set_(self, "actions_url", self.actions_url.rstrip("/"))
        set_(self, "telegram_api_url", self.telegram_api_url.rstrip("/"))
        set_(self, "allowed_origins", tuple(o.strip().rstrip("/") for o in self.allowed_origins if o.strip()))
        if not self.session_secret:
            if self.production:
                raise ConfigError("SESSION_SECRET is required in production (BOT_ENV=production)")
            set_(self, "session_secret", secrets.token_hex(32))
            set_(self, "secret_is_random", True)
            log.warning("SESSION_SECRET is not set: using a random secret for this process only; "
                        "pseudonyms change at every restart")
        elif self.production and len(self.session_secret) < MIN_PRODUCTION_SECRET:
            raise ConfigError(f"SESSION_SECRET must have at least {MIN_PRODUCTION_SECRET} characters in production")
        if self.max_message_chars < 1:
            raise ConfigError("MAX_MESSAGE_CHARS must be positive")
        for name in ("rate_session_burst", "rate_session_per_minute", "rate_address_burst",
                     "rate_address_per_minute", "rasa_timeout", "health_timeout", "rate_chat_burst",
                     "rate_chat_per_minute"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name.upper()} must be positive")
        if self.trusted_proxy_hops < 0:
            raise ConfigError("TRUSTED_PROXY_HOPS must be 0 or more")
        if self.telegram_webhook_secret and not TELEGRAM_SECRET_FORM.fullmatch(self.telegram_webhook_secret):
            raise ConfigError("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")

    @property
    def telegram_webhook(self) -> bool:
        """The gateway serves POST /telegram/webhook: it has the bot's token and the webhook's secret."""
        return bool(self.telegram_token and self.telegram_webhook_secret)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Config":
        env = os.environ if env is None else env
        kwargs: dict = {}

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value is not None and value.strip() != "" else None

        def number(name: str, key: str, kind):
            value = get(name)
            if value is not None:
                try:
                    kwargs[key] = kind(value)
                except ValueError as exc:
                    raise ConfigError(f"{name} must be a number, got {value!r}") from exc

        for name, key in (("BOT_HOST", "host"), ("RASA_URL", "rasa_url"), ("ACTIONS_URL", "actions_url"),
                          ("SESSION_SECRET", "session_secret"), ("FRAME_ANCESTORS", "frame_ancestors"),
                          ("TRACKER_STORE_URL", "tracker_store_url"), ("RASA_TOKEN", "rasa_token"),
                          ("RATE_LIMIT_REDIS_URL", "rate_limit_redis_url"),
                          ("TELEGRAM_TOKEN", "telegram_token"), ("TELEGRAM_WEBHOOK_SECRET", "telegram_webhook_secret"),
                          ("TELEGRAM_API_URL", "telegram_api_url")):
            if get(name) is not None:
                kwargs[key] = get(name)
        for name, key in (("BOT_PORT", "port"), ("MAX_MESSAGE_CHARS", "max_message_chars"),
                          ("RATE_SESSION_BURST", "rate_session_burst"), ("RATE_ADDRESS_BURST", "rate_address_burst"),
                          ("TRUSTED_PROXY_HOPS", "trusted_proxy_hops"), ("MAX_BODY_BYTES", "max_body_bytes"),
                          ("RATE_CHAT_BURST", "rate_chat_burst")):
            number(name, key, int)
        for name, key in (("RASA_TIMEOUT", "rasa_timeout"), ("HEALTH_TIMEOUT", "health_timeout"),
                          ("RATE_SESSION_PER_MINUTE", "rate_session_per_minute"),
                          ("RATE_ADDRESS_PER_MINUTE", "rate_address_per_minute"),
                          ("RATE_CHAT_PER_MINUTE", "rate_chat_per_minute")):
            number(name, key, float)
        for name, key in (("ALLOW_NO_ORIGIN", "allow_no_origin"), ("HSTS", "hsts")):
            if get(name) is not None:
                kwargs[key] = get(name).lower() in _TRUE
        if get("ALLOWED_ORIGINS") is not None:
            kwargs["allowed_origins"] = tuple(get("ALLOWED_ORIGINS").split(","))
        kwargs["production"] = (get("BOT_ENV") or "").lower() == "production"
        return cls(**kwargs)
