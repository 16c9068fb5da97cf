"""POST /api/chat end to end: the gateway on a free port, in front of a fake Rasa (a real HTTP server on a free
port that records every request it got)."""
import json
import logging

import pytest

from bot.texts import EMPTY, RASA_DOWN, RATE_LIMITED, TOO_LONG, UNREADABLE
from bot.conversations import DELETE_FAILED, ConversationStore
from bot.privacy import PRIVACY_REPLY
from bot.pseudonym import pseudonymise

from .conftest import ORIGIN, SECRET, closed_port, make_config, store_conversation

HEADERS = {"Origin": ORIGIN}
LMZ_PHONE = "088 - 120 50 20"


@pytest.fixture
async def client(gateway, fake_url):
    return await gateway(make_config(fake_url))


async def post(client, body, headers=HEADERS):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return await client.post("/api/chat", data=data, headers={"Content-Type": "application/json", **headers})


async def test_happy_path(client, fake):
    resp = await post(client, {"session": "browser-42", "message": "Hallo, wat zijn mijn rechten?"})
    assert resp.status == 200
    body = await resp.json()
    assert body == {"messages": [
        {"text": "Hallo! Waar kan ik je mee helpen?", "buttons": [{"title": "Klagen", "payload": "/complaint_route"}]},
        {"text": "Hier is je brief.",
         "custom": {"type": "download", "filename": "klachtbrief.txt", "mime_type": "text/plain",
                    "content": "Geachte klachtenfunctionaris,"}},
    ]}
    [received] = fake.received
    assert received["sender"] == pseudonymise("browser-42", SECRET)
    assert received["message"] == "Hallo, wat zijn mijn rechten?"
    assert set(received["metadata"]) == {"turn"}  # a new id for the turn, nothing else
    assert b"browser-42" not in fake.raw_bodies[0]


async def test_same_session_same_sender_other_session_other_sender(client, fake):
    for session in ("a", "a", "b"):
        await post(client, {"session": session, "message": "hoi"})
    senders = [r["sender"] for r in fake.received]
    assert senders[0] == senders[1] != senders[2]
    assert all(s.startswith("web-") for s in senders)


async def test_personal_data_never_reaches_rasa(client, fake):
    message = ("Mijn bsn is 123456782, mail jan.jansen@gmail.com of bel 06-12345678 / +31 6 87654321. "
               "Betaal terug op NL91 ABNA 0417 1643 00. Moet ik het LMZ bellen op 088 - 120 50 20?")
    resp = await post(client, {"session": "s-1", "message": message})
    assert resp.status == 200
    body = await resp.json()
    assert body["notice"] == "personal_data_removed"
    assert body["messages"][0] == {"text": PRIVACY_REPLY}
    assert body["messages"][1]["text"] == "Hallo! Waar kan ik je mee helpen?"
    raw = fake.raw_bodies[0].decode()
    for secret in ("123456782", "jan.jansen", "gmail", "12345678", "87654321", "NL91", "0417 1643"):
        assert secret not in raw
    forwarded = fake.received[0]["message"]
    assert forwarded == ("Mijn bsn is [bsn], mail [e-mailadres] of bel [telefoonnummer] / [telefoonnummer]. "
                         "Betaal terug op [iban]. Moet ik het LMZ bellen op 088 - 120 50 20?")
    assert fake.received[0]["sender"] == pseudonymise("s-1", SECRET)


async def test_a_bsn_that_fails_the_eleven_test_is_forwarded(client, fake):
    resp = await post(client, {"session": "s", "message": "is 123456789 een geldig nummer?"})
    assert "notice" not in await resp.json()
    assert fake.received[0]["message"] == "is 123456789 een geldig nummer?"


async def test_privacy_reply_not_twice(client, fake):
    fake.answer = [{"text": PRIVACY_REPLY}, {"text": "Stel je vraag maar."}]
    body = await (await post(client, {"session": "s", "message": "mijn mail is a@b.nl"})).json()
    assert body["messages"] == [{"text": PRIVACY_REPLY}, {"text": "Stel je vraag maar."}]


async def test_too_long_gets_a_friendly_reply_and_rasa_is_not_asked(client, fake):
    resp = await post(client, {"session": "s", "message": "a" * 1001})
    assert resp.status == 200
    assert (await resp.json())["messages"] == [{"text": TOO_LONG}]
    assert fake.received == []
    resp = await post(client, {"session": "s", "message": "a" * 1000})
    assert resp.status == 200 and len(fake.received) == 1


async def test_body_too_large(gateway, fake_url, fake):
    client = await gateway(make_config(fake_url, max_body_bytes=2048))
    resp = await post(client, {"session": "s", "message": "a" * 5000})
    assert resp.status == 413
    assert (await resp.json())["message"] == TOO_LONG
    assert fake.received == []


@pytest.mark.parametrize("body, error", [
    ("{not json", "bad_json"),
    (b"\xff\xfe", "bad_json"),
    ("[1, 2]", "bad_request"),
    ({"message": "hoi"}, "bad_session"),
    ({"session": "", "message": "hoi"}, "bad_session"),
    ({"session": "   ", "message": "hoi"}, "bad_session"),
    ({"session": "s" * 101, "message": "hoi"}, "bad_session"),
    ({"session": 42, "message": "hoi"}, "bad_session"),
    ({"session": "s"}, "bad_message"),
    ({"session": "s", "message": ["hoi"]}, "bad_message"),
])
async def test_invalid_requests(client, fake, body, error):
    resp = await post(client, body)
    assert resp.status == 400
    data = await resp.json()
    assert data == {"error": error, "message": UNREADABLE}
    assert fake.received == []


async def test_empty_message(client, fake):
    resp = await post(client, {"session": "s", "message": "  \n "})
    assert resp.status == 400
    assert (await resp.json())["message"] == EMPTY
    assert fake.received == []


async def test_session_of_100_characters_is_fine(client):
    assert (await post(client, {"session": "s" * 100, "message": "hoi"})).status == 200


async def test_origin_refused(client, fake):
    resp = await post(client, {"session": "s", "message": "hoi"}, headers={"Origin": "https://evil.example"})
    assert resp.status == 403
    assert fake.received == []


async def test_session_rate_limit_with_retry_after(gateway, fake_url, fake, clock):
    client = await gateway(make_config(fake_url, rate_session_burst=2, rate_session_per_minute=6))  # 1 per 10 s
    for _ in range(2):
        assert (await post(client, {"session": "s", "message": "hoi"})).status == 200
    resp = await post(client, {"session": "s", "message": "hoi"})
    assert resp.status == 429
    assert resp.headers["Retry-After"] == "10"
    body = await resp.json()
    assert body["message"] == RATE_LIMITED and body["retry_after"] == 10
    assert len(fake.received) == 2
    assert (await post(client, {"session": "other", "message": "hoi"})).status == 200
    clock.advance(10)
    assert (await post(client, {"session": "s", "message": "hoi"})).status == 200


async def test_address_rate_limit_across_sessions(gateway, fake_url, fake, clock):
    client = await gateway(make_config(fake_url, rate_address_burst=3, rate_address_per_minute=60))
    statuses = [(await post(client, {"session": f"s{i}", "message": "hoi"})).status for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    # invalid requests count too: the limit comes before the body is read
    assert (await post(client, "{not json")).status == 429
    clock.advance(1)
    assert (await post(client, {"session": "s9", "message": "hoi"})).status == 200


async def test_forwarded_address_only_behind_a_trusted_proxy(gateway, fake_url):
    untrusted = await gateway(make_config(fake_url, rate_address_burst=1))
    assert (await post(untrusted, {"session": "a", "message": "hoi"},
                       {**HEADERS, "X-Forwarded-For": "10.0.0.1"})).status == 200
    assert (await post(untrusted, {"session": "b", "message": "hoi"},
                       {**HEADERS, "X-Forwarded-For": "10.0.0.2"})).status == 429  # same connection address
    proxied = await gateway(make_config(fake_url, rate_address_burst=1, trusted_proxy_hops=1))
    for address in ("10.0.0.1", "10.0.0.2"):
        assert (await post(proxied, {"session": address, "message": "hoi"},
                           {**HEADERS, "X-Forwarded-For": f"1.2.3.4, {address}"})).status == 200
    assert (await post(proxied, {"session": "c", "message": "hoi"},
                       {**HEADERS, "X-Forwarded-For": "10.0.0.1"})).status == 429


def assert_kind_failure(body):
    assert body["retry"] is True
    assert LMZ_PHONE in body["message"]
    assert "112" in body["message"]


async def test_rasa_down(gateway):
    client = await gateway(make_config(f"http://127.0.0.1:{closed_port()}"))
    resp = await post(client, {"session": "s", "message": "hoi"})
    assert resp.status == 502
    body = await resp.json()
    assert body["error"] == "rasa_unavailable"
    assert_kind_failure(body)


async def test_rasa_slow(gateway, fake_url, fake):
    fake.mode = "slow"
    client = await gateway(make_config(fake_url, rasa_timeout=0.2))
    resp = await post(client, {"session": "s", "message": "hoi"})
    assert resp.status == 504
    body = await resp.json()
    assert body["error"] == "rasa_timeout"
    assert_kind_failure(body)


@pytest.mark.parametrize("mode", ["error", "bad_json", "not_list"])
async def test_rasa_answers_badly(client, fake, mode):
    fake.mode = mode
    resp = await post(client, {"session": "s", "message": "hoi"})
    assert resp.status == 502
    assert_kind_failure(await resp.json())


async def test_nothing_of_the_message_or_session_is_logged(gateway, fake_url, fake, caplog):
    secret_text = "geheimbericht over mijn borstvergroting, mail jan@example.nl"
    with caplog.at_level(logging.INFO):
        client = await gateway(make_config(fake_url))
        await post(client, {"session": "sessie-xyz", "message": secret_text})
        fake.mode = "error"
        await post(client, {"session": "sessie-xyz", "message": secret_text})
        await post(client, {"session": "sessie-xyz", "message": secret_text * 30})
    logged = caplog.text
    assert "chat ok" in logged  # something is logged ...
    for fragment in ("geheimbericht", "borstvergroting", "jan@example.nl", "e-mailadres", "sessie-xyz",
                     pseudonymise("sessie-xyz", SECRET)):
        assert fragment not in logged  # ... but not the text, the session or its pseudonym


EXPECTED = {"messages": [
    {"text": "Hallo! Waar kan ik je mee helpen?", "buttons": [{"title": "Klagen", "payload": "/complaint_route"}]},
    {"text": "Hier is je brief.",
     "custom": {"type": "download", "filename": "klachtbrief.txt", "mime_type": "text/plain",
                "content": "Geachte klachtenfunctionaris,"}},
]}


async def test_the_clients_message_id_goes_with_the_message(client, fake):
    await post(client, {"session": "s1", "message": "hallo", "id": "m-1"})
    assert fake.received[0]["metadata"] == {"turn": "m-1"}


async def test_a_replica_that_is_gone_before_the_message_reached_it_means_one_more_try(client, fake):
    fake.fail_next = 1
    resp = await post(client, {"session": "s1", "message": "hallo", "id": "m-1"})
    assert resp.status == 200
    assert len(fake.received) == 1  # Rasa saw the message once
    assert await resp.json() == EXPECTED


async def test_a_replica_that_died_after_storing_the_turn_is_not_asked_twice(client, fake):
    fake.mode = "lost_after_save"
    resp = await post(client, {"session": "s1", "message": "hallo", "id": "m-1"})
    assert resp.status == 200
    assert len(fake.received) == 1  # not sent again: the answer is read back from the tracker
    assert await resp.json() == EXPECTED


async def test_a_retry_of_an_answered_message_gets_the_same_answer_without_asking_again(client, fake):
    first = await (await post(client, {"session": "s1", "message": "hallo", "id": "m-1"})).json()
    again = await (await post(client, {"session": "s1", "message": "hallo", "id": "m-1", "retry": True})).json()
    assert again == first
    assert len(fake.received) == 1


async def test_a_retry_of_an_unanswered_message_is_sent(client, fake):
    fake.mode = "error"
    assert (await post(client, {"session": "s1", "message": "hallo", "id": "m-1"})).status == 502
    fake.mode = "ok"
    resp = await post(client, {"session": "s1", "message": "hallo", "id": "m-1", "retry": True})
    assert resp.status == 200
    assert len(fake.received) == 2  # the failed try (a Rasa error is not tried again) and this one


async def test_a_rasa_error_is_not_sent_again_by_the_gateway(client, fake):
    fake.mode = "error"  # Rasa itself answered 500: not a replica that went away
    assert (await post(client, {"session": "s1", "message": "hallo", "id": "m-1"})).status == 502
    assert len(fake.received) == 1


async def test_a_request_to_delete_the_conversation_is_carried_out(gateway, fake_url, fake, tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    sender = pseudonymise("s1", SECRET)
    await store_conversation(url, sender)
    await store_conversation(url, "web-someone-else")
    client = await gateway(make_config(fake_url, tracker_store_url=url))
    fake.answer = [{"recipient_id": "x", "custom": {"type": "delete_conversation"}}]
    body = await (await post(client, {"session": "s1", "message": "/affirm"})).json()
    assert body["notice"] == "conversation_deleted"
    assert body["messages"][-1]["text"].startswith("Je gesprek is gewist.")
    store = ConversationStore(url)
    assert (store.count_sync(sender), store.count_sync("web-someone-else")) == (0, 2)


async def test_a_deletion_in_a_message_with_personal_data_still_tells_the_widget(gateway, fake_url, fake, tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    await store_conversation(url, pseudonymise("s1", SECRET))
    client = await gateway(make_config(fake_url, tracker_store_url=url))
    fake.answer = [{"recipient_id": "x", "custom": {"type": "delete_conversation"}}]
    body = await (await post(client, {"session": "s1", "message": "ja, wis alles van jan@example.nl"})).json()
    assert body["notice"] == "conversation_deleted"  # so the widget forgets its copy
    assert [m["text"] for m in body["messages"]][0] == PRIVACY_REPLY


async def test_a_deletion_that_cannot_be_done_says_so(client, fake):
    fake.answer = [{"recipient_id": "x", "custom": {"type": "delete_conversation"}}]
    body = await (await post(client, {"session": "s1", "message": "/affirm"})).json()  # no tracker store there
    assert "notice" not in body
    assert body["messages"][-1]["text"] == DELETE_FAILED


async def test_no_answer_from_rasa_gives_the_kind_message_not_silence(client, fake):
    fake.answer = []  # what Rasa says when the action server is down
    body = await (await post(client, {"session": "s1", "message": "tot wanneer?"})).json()
    assert body["messages"] == [{"text": RASA_DOWN}]
