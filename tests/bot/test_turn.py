"""bot/turn.py: one turn, the same for every channel, against the fake Rasa."""
import aiohttp

from bot.conversations import ConversationStore
from bot.privacy import PRIVACY_REPLY
from bot.rasa_client import RasaClient
from bot.turn import take_turn

STORE = ConversationStore("sqlite://")


async def test_the_privacy_reply_comes_first_and_rasas_own_copy_is_dropped(fake, fake_url):
    fake.answer = [{"text": PRIVACY_REPLY}, {"text": "Nee."}]
    async with aiohttp.ClientSession() as session:
        answer = await take_turn(RasaClient(session, fake_url, 2), STORE, "web-a", "[bsn]", ["bsn"], "t1")
    assert [m["text"] for m in answer.messages] == [PRIVACY_REPLY, "Nee."]
    assert not answer.empty and not answer.deleted


async def test_no_answer_from_rasa_is_marked_empty(fake, fake_url):
    fake.answer = []
    async with aiohttp.ClientSession() as session:
        answer = await take_turn(RasaClient(session, fake_url, 2), STORE, "web-a", "hallo", [], "t1")
    assert answer.empty and answer.messages == []


async def test_looking_first_takes_the_stored_answer_and_does_not_ask_again(fake, fake_url):
    fake.answer = [{"text": "Nee."}]
    async with aiohttp.ClientSession() as session:
        rasa = RasaClient(session, fake_url, 2)
        await take_turn(rasa, STORE, "web-a", "hallo", [], "t1")
        again = await take_turn(rasa, STORE, "web-a", "hallo", [], "t1", look_up_first=True)
        new = await take_turn(rasa, STORE, "web-a", "nog iets", [], "t2", look_up_first=True)
    assert [m["text"] for m in again.messages] == ["Nee."]
    assert [r["message"] for r in fake.received] == ["hallo", "nog iets"]  # t2 was not stored: asked
    assert new.messages == again.messages
