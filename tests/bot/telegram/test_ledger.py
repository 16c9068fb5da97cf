"""bot.telegram.ledger: a bounded record per update."""
from bot.telegram.format import Part
from bot.telegram.ledger import Ledger


def test_plan_send_done():
    ledger = Ledger()
    record = ledger.plan(7, [Part(html="a"), Part(html="b")])
    assert not ledger.done(7) and [p.html for p in record.remaining] == ["a", "b"]
    Ledger.sent_one(record)
    assert [p.html for p in record.remaining] == ["b"] and not ledger.done(7)
    record.failed = True
    assert ledger.failed(7)
    Ledger.sent_one(record)
    assert ledger.done(7) and not ledger.failed(7) and record.parts == []


def test_unknown_updates():
    ledger = Ledger()
    assert ledger.get(1) is None and not ledger.done(1) and not ledger.failed(1)


def test_bounded_oldest_first():
    ledger = Ledger(max_updates=3)
    for update_id in range(5):
        ledger.plan(update_id, [])
    assert len(ledger) == 3 and ledger.get(0) is None and ledger.get(4) is not None
