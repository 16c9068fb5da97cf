"""bot.rasa_client: the client's errors against a real fake server, and the trimming of Rasa's answer."""
import aiohttp
import pytest

from bot.rasa_client import RasaClient, RasaError, answer_to_turn, clean_messages, probe

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


def test_clean_messages_keeps_the_safety_line_without_anything_else():
    assert clean_messages([{"custom": {"type": "safety_line", "html": "<b>x</b>"}}]) == [
        {"custom": {"type": "safety_line"}}]


def test_clean_messages_a_download_without_text():
    custom = {"type": "download", "filename": "a.txt", "mime_type": "text/plain", "content": "x"}
    assert clean_messages([{"custom": custom}]) == [{"custom": custom}]


async def test_send_posts_sender_and_message(fake, fake_url):
    async with aiohttp.ClientSession() as session:
        raw = await RasaClient(session, fake_url + "/", 2).send("web-abc", "hallo")
    assert raw == RASA_ANSWER
    assert fake.received == [{"sender": "web-abc", "message": "hallo"}]


async def test_send_with_a_turn_id_sends_it_as_metadata(fake, fake_url):
    async with aiohttp.ClientSession() as session:
        await RasaClient(session, fake_url, 2).send("web-abc", "hallo", "t-1")
    assert fake.received == [{"sender": "web-abc", "message": "hallo", "metadata": {"turn": "t-1"}}]


async def test_a_timeout_is_not_retried(fake, fake_url):
    fake.mode = "slow"
    async with aiohttp.ClientSession() as session:
        with pytest.raises(RasaError) as info:
            await RasaClient(session, fake_url, 0.2).send("web-abc", "hallo", "t-1")
    assert info.value.timed_out and len(fake.received) == 1


async def test_recorded_answer_is_none_for_an_unknown_turn(fake, fake_url):
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, fake_url, 2)
        await client.send("web-abc", "hallo", "t-1")
        assert await client.recorded_answer("web-abc", "t-2") is None
        assert len(await client.recorded_answer("web-abc", "t-1")) == 4  # the dict messages Rasa stored
        assert await RasaClient(session, f"http://127.0.0.1:{closed_port()}", 1).recorded_answer("x", "t") is None


def test_answer_to_turn_takes_the_bot_messages_up_to_the_next_user_message():
    events = [
        {"event": "user", "text": "a", "metadata": {"turn": "1"}},
        {"event": "action", "name": "utter_a"},
        {"event": "bot", "text": "A", "data": {"buttons": [{"title": "x", "payload": "/x"}]}},
        {"event": "user", "text": "b", "metadata": {"turn": "2"}},
        {"event": "bot", "text": "B", "data": {}},
    ]
    assert answer_to_turn(events, "s", "1") == [
        {"recipient_id": "s", "text": "A", "buttons": [{"title": "x", "payload": "/x"}]}]
    assert answer_to_turn(events, "s", "2") == [{"recipient_id": "s", "text": "B"}]
    assert answer_to_turn(events, "s", "3") is None


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
