"""bot.app and bot.__main__: the routes, and settings from the environment."""
from bot import keys
from bot.__main__ import ACCESS_LOG_FORMAT
from bot.app import create_app


def test_create_app_from_environment(monkeypatch):
    monkeypatch.setenv("SESSION_SECRET", "k" * 40)
    monkeypatch.setenv("RASA_URL", "http://rasa.internal:5005")
    app = create_app()
    assert app[keys.CONFIG].rasa_url == "http://rasa.internal:5005"
    routes = {(r.method, r.resource.canonical) for r in app.router.routes()}
    assert {("POST", "/api/chat"), ("GET", "/healthz")} <= routes


def test_access_log_names_no_address_or_browser():
    assert "%a" not in ACCESS_LOG_FORMAT and "%{User-Agent}i" not in ACCESS_LOG_FORMAT
