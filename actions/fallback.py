"""When the assistant is not sure what was meant: "did you mean…" buttons, and a person after two misses in a row.

`suggestions()` picks the likeliest topics from the NLU result of the message (the FAQ response selector's
ranking and the intent ranking); the action sends them.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import organisation

FAQ_INTENT = "faq"
MAX_SUGGESTIONS = 3
# Two suggestions at least; a third only when it is not far less likely than the best one.
TAIL = 0.35

# Guided help and basics that make sense as a suggestion, with the button people see.
INTENT_BUTTONS: Dict[str, Dict[str, str]] = {
    "start_complaint_route": {"title": "Waar kan ik klagen?", "payload": "/start_complaint_route"},
    "ask_deadline": {"title": "Tot wanneer heeft de kliniek?", "payload": "/ask_deadline"},
    "ask_law_article": {"title": "Wat zegt de wet?", "payload": "/ask_law_article"},
    "capabilities": {"title": "Wat kun je allemaal?", "payload": "/capabilities"},
    "human_handoff": {"title": "Ik wil een mens spreken", "payload": "/human_handoff"},
}
HUMAN_BUTTON = INTENT_BUTTONS["human_handoff"]
# Shown when the NLU result offers nothing better.
DEFAULT_BUTTONS = [INTENT_BUTTONS["start_complaint_route"], INTENT_BUTTONS["capabilities"]]

FIRST_MESSAGE = "Ik weet niet zeker wat je bedoelt. Bedoel je een van deze vragen?"
FIRST_MESSAGE_NO_TOPICS = ("Ik weet niet zeker wat je bedoelt. Kun je het anders zeggen? "
                           "Of kies hieronder een onderwerp.")


def _second_message() -> str:
    lmz = organisation("lmz")
    return ("Sorry, ik begrijp je vraag nog steeds niet. Daar kan ik je helaas niet mee helpen. "
            f"Een mens helpt je graag verder. Bel het {lmz.name} ({lmz.short}): {lmz.phone}. "
            "Dat kan op werkdagen van 9:00 tot 17:00 uur. Of kies hieronder een vraag."
            f"\n\nBron: {lmz.source.cite()}")


def _faq_title(responses: Dict[str, Any], key: str) -> Optional[str]:
    variations = (responses or {}).get(f"utter_{key}") or []
    if not variations or not isinstance(variations[0], dict):
        return None
    title = (variations[0].get("metadata") or {}).get("title")
    return title.strip() if isinstance(title, str) and title.strip() else None


def suggestions(parse_data: Dict[str, Any], responses: Dict[str, Any]) -> List[Dict[str, str]]:
    """The 2-3 likeliest distinct topics of a message, as buttons {"title", "payload"}, likeliest first.

    A FAQ topic's button shows its `metadata.title` and sends that same text (it is one of the topic's examples);
    topics without a title are left out. Guided help sends its intent (INTENT_BUTTONS). Greetings, thanks,
    yes/no, answers (inform) and out-of-scope are never suggested."""
    parse_data = parse_data or {}
    intents = {item.get("name"): float(item.get("confidence") or 0.0)
               for item in parse_data.get("intent_ranking") or [] if item.get("name")}
    faq_weight = intents.get(FAQ_INTENT, 1.0 if not intents else 0.0)

    candidates: List[tuple] = []
    selector = ((parse_data.get("response_selector") or {}).get(FAQ_INTENT) or {})
    for item in selector.get("ranking") or []:
        key = item.get("intent_response_key") or ""
        if not key.startswith(f"{FAQ_INTENT}/"):
            continue
        title = _faq_title(responses, key)
        if title:
            candidates.append((float(item.get("confidence") or 0.0) * faq_weight,
                               {"title": title, "payload": title}))
    for name, confidence in intents.items():
        if name in INTENT_BUTTONS:
            candidates.append((confidence, dict(INTENT_BUTTONS[name])))

    candidates.sort(key=lambda c: c[0], reverse=True)
    chosen: List[Dict[str, str]] = []
    scores: List[float] = []
    seen = set()
    for score, button in candidates:
        marker = (button["title"].lower(), button["payload"].lower())
        if marker[0] in {s[0] for s in seen} or marker[1] in {s[1] for s in seen} or score <= 0:
            continue
        if len(chosen) >= 2 and score < TAIL * scores[0]:
            break
        seen.add(marker)
        chosen.append(button)
        scores.append(score)
        if len(chosen) == MAX_SUGGESTIONS:
            break
    return chosen


def fallback_reply(parse_data: Dict[str, Any], responses: Dict[str, Any],
                   misses_before: int) -> Dict[str, Any]:
    """{"text", "buttons"} for a message the assistant did not understand; `misses_before` counts the fallbacks
    directly before this one."""
    buttons = suggestions(parse_data, responses)
    if misses_before >= 1:
        text = _second_message()
    else:
        text = FIRST_MESSAGE if buttons else FIRST_MESSAGE_NO_TOPICS
    if not buttons:
        buttons = [dict(b) for b in DEFAULT_BUTTONS]
    if all(b["payload"] != HUMAN_BUTTON["payload"] for b in buttons):
        buttons.append(dict(HUMAN_BUTTON))
    return {"text": text, "buttons": buttons}


def misses_in_a_row(tracker: Tracker) -> int:
    """How many low-confidence messages came directly before the latest one, read from the conversation."""
    users = [e for e in tracker.events or [] if e.get("event") == "user"][:-1]
    count = 0
    for event in reversed(users):
        if ((event.get("parse_data") or {}).get("intent") or {}).get("name") != "nlu_fallback":
            break
        count += 1
    return count


class ActionSuggestTopics(Action):
    """For low-confidence messages (nlu_fallback): "did you mean…" buttons; the second time in a row, the LMZ."""

    def name(self) -> Text:
        return "action_suggest_topics"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        misses = misses_in_a_row(tracker)
        reply = fallback_reply(tracker.latest_message or {}, (domain or {}).get("responses") or {}, misses)
        dispatcher.utter_message(text=reply["text"], buttons=reply["buttons"])
        return []
