"""Rasa's command line, with the message text taken out of its logs.

    python -m serving.rasa_run run --model models/assistant.tar.gz ...   (the same arguments as `rasa`)

Rasa logs some events with what the person typed, even at the default level: a request the client gave up on
("rest.message.received.timeout", with the text) or one that failed. Rasa passes every structured log event
through `rasa.utils.log_utils._anonymizer` first, with a list of the fields that can hold conversation content;
without Rasa Pro's anonymisation plugin that step leaves them as they are. Here it replaces them with
"[redacted]" before Rasa configures its logging, and logged exceptions leave out the local variables of their
frames (which hold the message too), so no log line carries message text.
"""
from __future__ import annotations

from typing import Any, Dict

import rasa.utils.log_utils as log_utils
import structlog
import structlog.tracebacks

REDACTED = "[redacted]"

# the fields Rasa's own anonymiser treats as conversation content (rasa/utils/log_utils.py, Rasa 3.6)
CONTENT_FIELDS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response", "slot_candidates",
    "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states", "successes", "current_entity",
    "next_entity", "states", "entity", "token_text", "user_message", "json_message",
})


def redact(_: Any, __: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    """A structlog processor: the content fields of an event replaced by a marker."""
    for key in CONTENT_FIELDS & event_dict.keys():
        event_dict[key] = REDACTED
    return event_dict


# Rasa renders a logged exception as a dict with the local variables of every frame (structlog's default),
# and those hold the message; the frames and their lines are enough to find a fault.
TRACEBACKS_WITHOUT_LOCALS = structlog.processors.ExceptionRenderer(
    structlog.tracebacks.ExceptionDictTransformer(show_locals=False))


def main() -> None:
    # both are read by configure_structlog when the command line starts
    log_utils._anonymizer = redact
    structlog.processors.dict_tracebacks = TRACEBACKS_WITHOUT_LOCALS
    from rasa.__main__ import main as rasa_main
    rasa_main()


if __name__ == "__main__":
    main()
