"""What happened to each Telegram update: so an update is answered once, and never asks Rasa twice.

Telegram sends a webhook update again when the gateway does not answer it with a 2xx (and long polling
asks again for updates it did not confirm). Three cases follow, and the ledger tells them apart by update_id:

- The update was answered: a second delivery is ignored (no second answer).
- Rasa answered, but sending that answer to Telegram failed half-way: the ledger kept the answer as `Part`s and
  how many were sent. The next delivery sends the rest and does not ask Rasa again (Rasa's tracker already has
  the message; asking again would move a form one step too far, or fill a slot twice).
- Nothing was decided yet (the gateway stopped in between): the update is handled as new.

The ledger keeps the newest `max_updates` update_ids (Telegram redelivers within hours, not days); a record that
is done drops its parts, so only the id and a flag stay.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from bot.telegram.format import Part


@dataclass
class Record:
    parts: list[Part] = field(default_factory=list)
    sent: int = 0
    done: bool = False
    failed: bool = False  # the last attempt to send stopped on an error Telegram may not repeat

    @property
    def remaining(self) -> list[Part]:
        return self.parts[self.sent:]

    def finish(self) -> None:
        """Done: everything is sent, or nothing more can be; the parts are let go."""
        self.done, self.failed, self.parts = True, False, []


class Ledger:
    def __init__(self, max_updates: int = 5_000) -> None:
        self.max_updates = max_updates
        self._records: OrderedDict[int, Record] = OrderedDict()

    def __len__(self) -> int:
        return len(self._records)

    def get(self, update_id: int) -> Record | None:
        return self._records.get(update_id)

    def plan(self, update_id: int, parts: list[Part]) -> Record:
        """Keeps the answer for this update before any of it is sent."""
        record = Record(parts=list(parts))
        self._records[update_id] = record
        self._records.move_to_end(update_id)
        while len(self._records) > self.max_updates:
            self._records.popitem(last=False)
        return record

    def done(self, update_id: int) -> bool:
        record = self._records.get(update_id)
        return record is not None and record.done

    def failed(self, update_id: int) -> bool:
        record = self._records.get(update_id)
        return record is not None and record.failed

    @staticmethod
    def sent_one(record: Record) -> None:
        record.sent += 1
        if record.sent >= len(record.parts):
            record.finish()
