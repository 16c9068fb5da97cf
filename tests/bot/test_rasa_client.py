"""bot.rasa_client: the client's errors against a real fake server, and the trimming of Rasa's answer."""
import aiohttp
import pytest

from bot.rasa_client import RasaClient, RasaError, clean_messages, probe

from .conftest import RASA_ANSWER, closed_port


def test_clean_messages_keeps_text_buttons_and_downloads_only():
    assert clean_messages(RASA_ANSWER) == [
        {"text": "Hallo! Waar kan ik je mee helpen?",
         "buttons": [{"title": "Klagen", "payload": "/complaint_route"}]},
        {"text": "Hier is je brief.",
         "custom": {"type": "download", "filename": "klachtbrief.txt", "mime_type": "text/plain",
                    "content": "Geachte klachtenfunctionaris,"}},
    ]


@pytest.mark.parametrize("raw", [
    [{"text": 5}], [{"text": ""}], [{"buttons": "nope"}], [{"buttons": [{"title": "a", "payload": None}]}],
    [{"custom": {"type": "download", "filename": "a.txt", "mime_type": "text/plain"}}],
    [{"custom": {"type": "download", "filename": "a.txt", "mime_type": "text/plain", "content": {"x": 1}}}],
    [{"custom": "download"}], [None], [],
])
def test_clean_messages_drops_what_is_malformed(raw):
    assert clean_messages(raw) == []


def test_clean_messages_a_download_without_text():
    custom = {"type": "download", "filename": "a.txt", "mime_type": "text/plain", "content": "x"}
    assert clean_messages([{"custom": custom}]) == [{"custom": custom}]


async def test_send_posts_sender_and_message(fake, fake_url):
    async with aiohttp.ClientSession() as session:
        raw = await RasaClient(session, fake_url + "/", 2).send("web-abc", "hallo")
    assert raw == RASA_ANSWER
    assert fake.received == [{"sender": "web-abc", "message": "hallo"}]


@pytest.mark.parametrize("mode, kind", [("error", "status"), ("bad_json", "bad_json"), ("not_list", "bad_json")])
async def test_send_errors(fake, fake_url, mode, kind):
    fake.mode = mode
    async with aiohttp.ClientSession() as session:
        with pytest.raises(RasaError) as info:
            await RasaClient(session, fake_url, 2).send("web-abc", "hallo")
    assert info.value.kind == kind


async def test_send_timeout_and_connection_refused(fake, fake_url):
    fake.mode = "slow"
    async with aiohttp.ClientSession() as session:
        with pytest.raises(RasaError) as info:
            await RasaClient(session, fake_url, 0.2).send("web-abc", "hallo")
        assert info.value.timed_out
        with pytest.raises(RasaError) as info:
            await RasaClient(session, f"http://127.0.0.1:{closed_port()}", 1).send("web-abc", "hallo")
        assert info.value.kind == "connection"


async def test_probe_falls_back_to_root_only_on_a_status(fake, fake_url):
    async with aiohttp.ClientSession() as session:
        assert await probe(session, [fake_url + "/status"], 1) == "ok"
        fake.status_code = 401
        assert await probe(session, [fake_url + "/status"], 1) == "status 401"
        assert await probe(session, [fake_url + "/status", fake_url + "/"], 1) == "ok"
        assert await probe(session, [f"http://127.0.0.1:{closed_port()}/status"], 1) == "down"
