"""bot/conversations.py against Rasa's own SQLTrackerStore, in SQLite and in the machine's PostgreSQL."""
import time
import uuid

import psycopg2
import pytest
import sqlalchemy as sa

from bot.conversations import DELETE_FAILED, DELETED, ConversationStore, carry_out_deletion
from bot.retention import main as retention_main

from .conftest import store_conversation

PG = dict(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")


def _pg_available() -> bool:
    try:
        psycopg2.connect(connect_timeout=2, **PG).close()
        return True
    except psycopg2.Error:
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    if not _pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    name = "conversations_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(**PG)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


async def test_delete_removes_one_conversation_and_nothing_else(url):
    await store_conversation(url, "web-a", time.time())
    await store_conversation(url, "web-b", time.time())
    store = ConversationStore(url)
    assert store.count_sync("web-a") == 2
    assert await store.delete("web-a") == 0  # none left
    assert store.count_sync("web-a") == 0
    assert store.count_sync("web-b") == 2
    store.close()


async def test_purge_deletes_only_conversations_whose_last_event_is_old(url):
    now = time.time()
    await store_conversation(url, "web-old", now - 40 * 86400)
    await store_conversation(url, "web-recent", now - 2 * 86400)
    store = ConversationStore(url)
    purged = store.purge_sync(30, now=now)
    assert (purged.conversations, purged.events) == (1, 2)
    assert store.count_sync("web-old") == 0
    assert store.count_sync("web-recent") == 2
    store.close()


def test_an_empty_store_has_nothing_to_purge_but_a_deletion_there_is_an_error(tmp_path):
    store = ConversationStore(f"sqlite:///{tmp_path / 'none.db'}")
    assert store.purge_sync(30).conversations == 0
    with pytest.raises(sa.exc.SQLAlchemyError):  # no table: not the tracker store, so nothing is "gone"
        store.delete_sync("web-x")
    with pytest.raises(ValueError):
        store.purge_sync(0)


async def test_retention_command(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    await store_conversation(url, "web-old", time.time() - 10 * 86400)
    monkeypatch.setenv("TRACKER_STORE_URL", url)
    assert retention_main(["--days", "7"]) == 0
    assert "deleted 1 conversations (2 events) older than 7 days" in capsys.readouterr().out
    assert ConversationStore(url).count_sync("web-old") == 0
    with pytest.raises(SystemExit):
        retention_main(["--days", "-1"])


async def test_a_request_to_delete_is_carried_out_and_replaced_by_the_outcome(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    await store_conversation(url, "web-a", time.time())
    messages = [{"text": "Goed."}, {"custom": {"type": "delete_conversation"}}]
    out, gone = await carry_out_deletion(ConversationStore(url), "web-a", messages)
    assert gone and out == [{"text": "Goed."}, {"text": DELETED}]
    assert ConversationStore(url).count_sync("web-a") == 0


async def test_without_a_request_nothing_is_deleted(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    await store_conversation(url, "web-a", time.time())
    out, gone = await carry_out_deletion(ConversationStore(url), "web-a", [{"text": "Hallo"}])
    assert (out, gone) == ([{"text": "Hallo"}], False)
    assert ConversationStore(url).count_sync("web-a") == 2


async def test_a_database_that_is_away_gives_the_failure_text():
    store = ConversationStore("postgresql://postgres@127.0.0.1:1/nothing")
    out, gone = await carry_out_deletion(store, "web-a", [{"custom": {"type": "delete_conversation"}}])
    assert (out, gone) == ([{"text": DELETE_FAILED}], False)
