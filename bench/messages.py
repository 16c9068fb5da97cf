"""What is sent to each bot: short conversations, each under its own sender.

The assistant gets Dutch questions as people type them (informal, typos, no capitals), including the
complaint-route form (typed and as button payloads) and the deadline form, so the action server is used.
The reference bot gets the kind of messages its `rasa init` data knows (greet, mood, bot challenge, bye).
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

Conversation = Sequence[str]

ASSISTANT: List[Conversation] = [
    ["hallo", "Is een zwijgcontract geldig?", "bedankt", "doei"],
    ["waar kan ik klagen", "in nederland", "een kliniek", "complicatie", "nee nog niet", "dank je wel"],
    ["Sinds wanneer bestaat het meldpunt voor implantaten?", "wat is bia-alcl", "oke"],
    ["hoi", "tot wanneer heeft de kliniek om te antwoorden", "10 januari 2026", "en als ze te laat zijn?"],
    ["mag een schoonheidsspecialiste botox spuiten", "hoe check ik of mijn arts in het big register staat", "top bedankt"],
    ["ik heb een borstvergroting laten doen in turkije via een bureau", "kan de inspectie daar iets aan doen",
     "ik wil een mens spreken"],
    ["wat is een calamiteit", "wat staat er in artikel 11 van de wkkgz", "moet de kliniek een klachtenfunctionaris hebben"],
    ["goedemiddag", "wat kun je allemaal", "wat kost de geschillencommissie", "hoeveel schadevergoeding kan ik krijgen", "doei"],
    ["/start_complaint_route", '/inform{"route_place": "buitenland"}', '/inform{"route_provider": "bureau"}',
     '/inform{"route_problem": "complicatie"}', '/inform{"route_complained": "nee"}'],
    ["ben jij een robot?", "kan ik anoniem klagen", "wat doet het landelijk meldpunt zorg", "bedankt"],
    ["de kliniek wil dat ik een geheimhoudingsverklaring teken", "geldt dat ook als ik voor 2023 heb getekend", "oke dank"],
    ["waar vind ik mijn implantaatpaspoort", "wat is het implantatenregister", "fijn"],
    ["welke vragen kan ik stellen voor een ingreep", "wat is het kwaliteitskader cosmetische zorg", "doei"],
    ["what is a gag clause?", "hallo", "klachtenfunctionaris wat doet die"],
    ["ik heb hoge koorts na mijn operatie", "dank je"],
]

REFERENCE: List[Conversation] = [
    ["hi", "I am great", "bye"],
    ["hello", "I am sad", "yes", "goodbye"],
    ["hey", "not good", "no", "bye"],
    ["good morning", "are you a bot?", "see you later"],
    ["hey there", "very good", "bye"],
    ["good evening", "I'm unhappy", "of course", "have a nice day"],
    ["hello", "am I talking to a human?", "goodbye"],
    ["hi", "extremely sad", "never", "bye bye"],
]

WARMUP = {"assistant": "hallo", "reference": "hi"}


def schedule(conversations: Sequence[Conversation], count: int, sender_prefix: str, start: int = 0
             ) -> List[Tuple[str, str]]:
    """`count` (sender, message) pairs: conversations in turn from index `start`, cycling, a new sender each.

    A conversation cut off by `count` simply ends early.
    """
    if count <= 0:
        return []
    if not conversations or not any(conversations):
        raise ValueError("no messages to send")
    out: List[Tuple[str, str]] = []
    i = 0
    while len(out) < count:
        conv = conversations[(start + i) % len(conversations)]
        sender = f"{sender_prefix}-{i}"
        for text in conv:
            if len(out) == count:
                break
            out.append((sender, text))
        i += 1
    return out
