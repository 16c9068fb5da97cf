"""bot.security: headers on every response, the Origin allow-list and CORS."""
import pytest

from bot.config import Config
from bot.security import content_security_policy, security_headers

from .conftest import ORIGIN, closed_port, make_config

CSP_PARTS = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
             "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]


def assert_security_headers(headers):
    csp = headers["Content-Security-Policy"]
    for part in CSP_PARTS:
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "aiohttp" not in headers.get("Server", "")


@pytest.fixture
async def client(gateway):
    # Rasa is not needed for these tests: nothing here reaches it.
    return await gateway(make_config(f"http://127.0.0.1:{closed_port()}"))


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/nowhere", 404), ("GET", "/api/chat", 405), ("GET", "/healthz", 503),
])
async def test_headers_on_every_response(client, method, path, status):
    resp = await client.request(method, path, headers={"Origin": ORIGIN})
    assert resp.status == status
    assert_security_headers(resp.headers)


async def test_headers_on_errors_and_refusals(client):
    resp = await client.post("/api/chat", data="{not json", headers={"Origin": ORIGIN})
    assert resp.status == 400
    assert_security_headers(resp.headers)
    resp = await client.post("/api/chat", json={}, headers={"Origin": "https://evil.example"})
    assert resp.status == 403
    assert_security_headers(resp.headers)


async def test_cors_only_for_allowed_origins(client):
    resp = await client.post("/api/chat", json={"session": "s", "message": "x" * 2000}, headers={"Origin": ORIGIN})
    assert resp.status == 200
    assert resp.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "Origin" in resp.headers["Vary"]
    assert resp.headers["Cache-Control"] == "no-store"
    resp = await client.post("/api/chat", json={"session": "s", "message": "hoi"},
                             headers={"Origin": "https://evil.example"})
    assert resp.status == 403
    assert "Access-Control-Allow-Origin" not in resp.headers
    body = await resp.json()
    assert body["error"] == "origin_not_allowed" and body["message"]


async def test_origin_must_match_exactly(client):
    for origin in ("https://zorg.example.nl.evil.example", "http://zorg.example.nl", "null",
                   "https://zorg.example.nl:8443"):
        resp = await client.post("/api/chat", json={"session": "s", "message": "hoi"}, headers={"Origin": origin})
        assert resp.status == 403, origin


async def test_preflight(client):
    allowed = await client.options("/api/chat", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert allowed.status == 204
    assert allowed.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "POST" in allowed.headers["Access-Control-Allow-Methods"]
    assert allowed.headers["Access-Control-Allow-Headers"].lower() == "content-type"
    assert_security_headers(allowed.headers)
    refused = await client.options("/api/chat", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert refused.status == 403
    assert "Access-Control-Allow-Origin" not in refused.headers


async def test_no_origin_refused_unless_configured(gateway):
    closed = f"http://127.0.0.1:{closed_port()}"
    strict = await gateway(make_config(closed))
    resp = await strict.post("/api/chat", json={"session": "s", "message": "x" * 2000})
    assert resp.status == 403
    relaxed = await gateway(make_config(closed, allow_no_origin=True))
    resp = await relaxed.post("/api/chat", json={"session": "s", "message": "x" * 2000})
    assert resp.status == 200
    assert "Access-Control-Allow-Origin" not in resp.headers


async def test_health_needs_no_origin(client):
    resp = await client.get("/healthz")
    assert resp.status == 503  # Rasa is down here; the point is: not 403
    assert "Access-Control-Allow-Origin" not in resp.headers


def test_frame_ancestors_and_hsts_are_configurable():
    config = Config(session_secret="k", frame_ancestors="'self' https://partner.example.nl", hsts=True)
    assert "frame-ancestors 'self' https://partner.example.nl;" in content_security_policy(config)
    headers = security_headers(config)
    assert "X-Frame-Options" not in headers
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    default = security_headers(Config(session_secret="k"))
    assert default["X-Frame-Options"] == "DENY" and "Strict-Transport-Security" not in default
