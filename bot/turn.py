"""One turn of a conversation, the same on every channel (web chat and Telegram).

The channel has removed personal data already (`bot.privacy.scrub`) and knows the sender's pseudonym and the
message's turn id. `take_turn` asks Rasa (or, when asked to look first, reads the answer Rasa stored for this
turn id), keeps what a channel can show (`clean_messages`), carries out a request to delete the conversation
(`bot.conversations`), and puts the privacy reply first when something was removed. `RasaError` goes to the
channel, which apologises in its own way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from bot.conversations import ConversationStore, carry_out_deletion
from bot.privacy import PRIVACY_REPLY
from bot.rasa_client import RasaClient, clean_messages


@dataclass(frozen=True)
class Answer:
    messages: list[dict[str, Any]]  # to show, in order; starts with the privacy reply when data was removed
    deleted: bool                   # the conversation was deleted on request
    empty: bool                     # Rasa answered nothing: an action failed (the action server is down or broke)


async def take_turn(rasa: RasaClient, store: ConversationStore, sender: str, clean: str, removed: Sequence[str],
                    turn: str | None, *, look_up_first: bool = False) -> Answer:
    raw = await rasa.recorded_answer(sender, turn) if look_up_first and turn else None
    if raw is None:
        raw = await rasa.send(sender, clean, turn)
    messages, deleted = await carry_out_deletion(store, sender, clean_messages(raw))
    empty = not messages
    if removed:
        messages = [{"text": PRIVACY_REPLY}] + [m for m in messages if m.get("text") != PRIVACY_REPLY]
    return Answer(messages, deleted, empty)
