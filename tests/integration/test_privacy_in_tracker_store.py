"""Against the running assistant (scripts/test.sh step 5): what a person types through the gateway reaches the
tracker store without their BSN, e-mail, phone number or IBAN, and under a pseudonym."""
import json
import os
import sqlite3
import urllib.request
import uuid
from pathlib import Path

import pytest

GATEWAY = os.environ.get("GATEWAY_URL")
TRACKER_DB = Path(__file__).resolve().parents[2] / ".rasa" / "tracker.db"

pytestmark = pytest.mark.skipif(not GATEWAY, reason="needs the running assistant: GATEWAY_URL (scripts/test.sh)")

PERSONAL = {"bsn": "111222333", "email": "sanne.devries@example.nl", "phone": "06-12345678",
            "iban": "NL91ABNA0417164300"}


def say(session, message):
    req = urllib.request.Request(f"{GATEWAY}/api/chat", data=json.dumps({"session": session, "message": message}).encode(),
                                 headers={"Content-Type": "application/json", "Origin": GATEWAY})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read().decode())


def senders():
    with sqlite3.connect(TRACKER_DB) as db:
        return {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")}


def test_personal_data_never_reaches_the_tracker_store():
    # (other tests talk to Rasa directly, without the gateway: only this conversation is looked at)
    before = senders()
    session = "privacy-" + uuid.uuid4().hex
    say(session, f"mijn bsn is {PERSONAL['bsn']} en mijn mail is {PERSONAL['email']}, is een zwijgcontract geldig?")
    reply = say(session, f"bel me op {PERSONAL['phone']} of stort terug op {PERSONAL['iban']}")
    assert reply["notice"] == "personal_data_removed"

    new = senders() - before
    assert len(new) == 1 and next(iter(new)).startswith("web-"), f"expected one pseudonymous sender, got {new}"
    assert all(session not in sender for sender in senders()), "the session id reached Rasa unchanged"
    with sqlite3.connect(TRACKER_DB) as db:
        ours = db.execute("SELECT sender_id, data FROM events WHERE sender_id = ?", (new.pop(),)).fetchall()
    stored = "\n".join(data for _, data in ours)
    for kind, value in PERSONAL.items():
        assert value not in stored, f"{kind} reached the tracker store"
    texts = [json.loads(data).get("text") or "" for _, data in ours]
    assert any("[bsn]" in t and "[e-mailadres]" in t for t in texts), "the scrubbed message is not in the store"
