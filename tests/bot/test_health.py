"""GET /healthz against a fake Rasa and action server (real HTTP servers on free ports)."""
import time

from .conftest import closed_port, make_config


async def test_healthy(gateway, fake_url):
    client = await gateway(make_config(fake_url, actions_url=fake_url))
    resp = await client.get("/healthz")
    assert resp.status == 200
    assert await resp.json() == {"rasa": "ok", "actions": "ok"}
    assert resp.headers["Cache-Control"] == "no-store"


async def test_rasa_status_protected_falls_back_to_root(gateway, fake_url, fake):
    fake.status_code = 403  # /status with a token when the API is protected
    client = await gateway(make_config(fake_url))
    resp = await client.get("/healthz")
    assert resp.status == 200


async def test_action_server_down(gateway, fake_url):
    client = await gateway(make_config(fake_url, actions_url=f"http://127.0.0.1:{closed_port()}"))
    resp = await client.get("/healthz")
    assert resp.status == 503
    assert await resp.json() == {"rasa": "ok", "actions": "down"}


async def test_rasa_down(gateway, fake_url):
    client = await gateway(make_config(f"http://127.0.0.1:{closed_port()}", actions_url=fake_url))
    resp = await client.get("/healthz")
    assert resp.status == 503
    assert await resp.json() == {"rasa": "down", "actions": "ok"}


async def test_action_server_unhealthy(gateway, fake_url, fake):
    fake.health_code = 500
    client = await gateway(make_config(fake_url))
    resp = await client.get("/healthz")
    assert resp.status == 503
    assert await resp.json() == {"rasa": "ok", "actions": "status 500"}


async def test_both_down_quickly(gateway):
    client = await gateway(make_config(f"http://127.0.0.1:{closed_port()}",
                                       actions_url=f"http://127.0.0.1:{closed_port()}"))
    started = time.monotonic()
    resp = await client.get("/healthz")
    assert resp.status == 503
    assert await resp.json() == {"rasa": "down", "actions": "down"}
    assert time.monotonic() - started < 2
