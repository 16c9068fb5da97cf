"""bot.config: defaults, the environment, and the session secret."""
import logging

import pytest

from bot.config import Config, ConfigError


def test_defaults_with_a_random_secret_and_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="bot.config"):
        config = Config.from_env({})
    assert config.rasa_url == "http://localhost:5005"
    assert config.actions_url == "http://localhost:5055"
    assert config.allowed_origins == ("http://localhost:8000",)
    assert config.port == 8000 and config.max_message_chars == 1000
    assert not config.allow_no_origin and not config.production
    assert config.secret_is_random and len(config.session_secret) >= 32
    assert "SESSION_SECRET" in caplog.text
    assert Config.from_env({}).session_secret != config.session_secret


def test_from_environment():
    config = Config.from_env({
        "RASA_URL": "http://rasa:5005/", "ACTIONS_URL": "http://actions:5055",
        "ALLOWED_ORIGINS": " https://a.nl, https://b.nl/ ,", "ALLOW_NO_ORIGIN": "true",
        "SESSION_SECRET": "s" * 40, "MAX_MESSAGE_CHARS": "500", "BOT_PORT": "9000",
        "RATE_SESSION_BURST": "5", "RATE_SESSION_PER_MINUTE": "12.5", "RASA_TIMEOUT": "3",
        "TRUSTED_PROXY_HOPS": "1", "FRAME_ANCESTORS": "'self' https://a.nl", "HSTS": "1", "BOT_ENV": "production",
    })
    assert config.rasa_url == "http://rasa:5005"
    assert config.allowed_origins == ("https://a.nl", "https://b.nl")
    assert config.allow_no_origin and config.hsts and config.production
    assert config.session_secret == "s" * 40 and not config.secret_is_random
    assert (config.max_message_chars, config.port, config.rate_session_burst) == (500, 9000, 5)
    assert config.rate_session_per_minute == 12.5 and config.rasa_timeout == 3.0
    assert config.trusted_proxy_hops == 1 and config.frame_ancestors == "'self' https://a.nl"


def test_production_needs_a_secret():
    with pytest.raises(ConfigError, match="SESSION_SECRET"):
        Config.from_env({"BOT_ENV": "production"})
    with pytest.raises(ConfigError, match="32"):
        Config.from_env({"BOT_ENV": "production", "SESSION_SECRET": "short"})


@pytest.mark.parametrize("env", [{"BOT_PORT": "acht"}, {"MAX_MESSAGE_CHARS": "0"}, {"RASA_TIMEOUT": "-1"},
                                 {"TRUSTED_PROXY_HOPS": "-1"}, {"RATE_CHAT_BURST": "0"},
                                 {"TELEGRAM_WEBHOOK_SECRET": "with space"}, {"TELEGRAM_WEBHOOK_SECRET": "x" * 257}])
def test_bad_values(env):
    with pytest.raises(ConfigError):
        Config.from_env({"SESSION_SECRET": "k", **env})


def test_telegram_settings():
    off = Config.from_env({"SESSION_SECRET": "k"})
    assert not off.telegram_webhook and off.telegram_api_url == "https://api.telegram.org"
    assert (off.rate_chat_burst, off.rate_chat_per_minute) == (10, 20.0)
    config = Config.from_env({"SESSION_SECRET": "k", "TELEGRAM_TOKEN": "123:tok", "TELEGRAM_WEBHOOK_SECRET": "a-b_C9",
                              "TELEGRAM_API_URL": "http://127.0.0.1:8081/", "RATE_CHAT_BURST": "3",
                              "RATE_CHAT_PER_MINUTE": "6"})
    assert config.telegram_webhook and config.telegram_api_url == "http://127.0.0.1:8081"
    assert (config.rate_chat_burst, config.rate_chat_per_minute) == (3, 6.0)
    assert "123:tok" not in repr(config) and "a-b_C9" not in repr(config)
    assert not Config.from_env({"SESSION_SECRET": "k", "TELEGRAM_TOKEN": "123:tok"}).telegram_webhook
