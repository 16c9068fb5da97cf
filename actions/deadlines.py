"""Deadline dates of a complaint: the `deadline_form` (slot complaint_date, an ISO date) and `action_deadlines`.

Pure functions take `today`; only the Action classes call `date.today()`.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dates import MONTHS, complaint_deadlines, format_dutch_date, read_complaint_date
from actions.knowledge import WKKGZ_URL, organisation
from actions.intents import RULE_INTENTS, SKIP_INTENTS

SLOT = "complaint_date"
ASK_AGAIN = "Wil je de datum nog een keer geven?"
NO_DATE = ("Ik zie daarin geen datum. Typ de datum waarop je je klacht indiende. "
           "Bijvoorbeeld 10 januari 2026, 10-01-2026 of gisteren.")
DONT_KNOW = ("Weet je de datum niet precies? Kijk dan in je e-mail of in de brief met je klacht. "
             "Een schatting mag ook. Dan zijn de data die ik geef ook een schatting.")


def read_date_answer(text: str, today: date, intent: Optional[str] = None,
                     asked: bool = True) -> Tuple[Dict[str, Any], Optional[str]]:
    """({slot: value}, message) for one user message in the deadline form.

    - a usable date → ({"complaint_date": "2026-01-10"}, None)
    - an impossible or future date → ({"complaint_date": None}, why, and a kind request to try again)
    - no date in a question or another rule's message → ({}, None): the form rejects, the rule answers
    - no date otherwise, when the date was asked for → ({"complaint_date": None}, how to give it)
    """
    intent = (intent or "").split("/")[0]
    if intent in SKIP_INTENTS:
        return {}, None
    found, reason = read_complaint_date(text or "", today)
    if found:
        return {SLOT: found.isoformat()}, None
    if reason:
        return {SLOT: None}, f"{reason} {ASK_AGAIN}"
    if not asked or intent in RULE_INTENTS or (text or "").strip().startswith("/"):
        return {}, None
    if (text or "").strip().endswith("?"):
        return {}, None
    lowered = (text or "").lower()
    if any(p in lowered for p in ("weet ik niet", "weet het niet", "geen idee", "weet niet", "vergeten")):
        return {SLOT: None}, DONT_KNOW
    return {SLOT: None}, NO_DATE


def deadline_messages(filed: date, today: date) -> List[str]:
    """The dates for a complaint filed on `filed`, written out in Dutch, and what to do if no answer comes."""
    d = complaint_deadlines(filed)
    gc = organisation("geschillencommissie_zorg")
    lmz = organisation("lmz")
    answer, extended, geschil = d["answer_by"], d["extended_answer_by"], d["geschil_by"]

    lines = [f"Je diende je klacht in op {format_dutch_date(filed)}. Dit zijn de data die daarbij horen."]
    if answer >= today:
        lines.append(f"- Uiterlijk {format_dutch_date(answer)} moet de kliniek je schriftelijk antwoorden. "
                     "Dat is 6 weken na je klacht.")
    else:
        lines.append(f"- Uiterlijk {format_dutch_date(answer)} moest de kliniek je schriftelijk antwoorden. "
                     "Die datum is voorbij.")
    before = f"{answer.day} {MONTHS[answer.month - 1]}"
    if extended >= today:
        lines.append(f"- Heeft de kliniek meer tijd nodig? Dan mag ze hoogstens 4 weken langer doen. "
                     f"Dat moet ze je voor {before} schriftelijk laten weten. "
                     f"Het antwoord moet er dan uiterlijk {format_dutch_date(extended)} zijn.")
    else:
        lines.append(f"- Had de kliniek meer tijd nodig? Dan mocht ze hoogstens 4 weken langer doen. "
                     f"Dat moest ze je voor {before} schriftelijk laten weten. "
                     f"Het antwoord moest er dan uiterlijk {format_dutch_date(extended)} zijn.")
    if geschil >= today:
        lines.append(f"- Naar de geschilleninstantie kun je tot en met {format_dutch_date(geschil)}. "
                     "Dat is een jaar na je klacht.")
    else:
        lines.append(f"- Naar de geschilleninstantie kon je tot en met {format_dutch_date(geschil)}. "
                     f"Die termijn is voorbij. Bel het LMZ voor advies: {lmz.phone}.")
    first = "\n".join(lines) + (f"\n\nBron: Wkkgz, artikel 17 · {WKKGZ_URL}; {gc.source.cite()}")

    if geschil >= today:
        body = ("Krijg je geen antwoord op tijd? Of helpt het antwoord je niet? "
                "Dan kun je naar de geschilleninstantie van de kliniek. Je legt je klacht daar schriftelijk voor. "
                f"Dat kost meestal {gc.extra.get('fee', '€ 52,50')}. Krijg je gelijk? Dan krijg je dat geld terug. "
                f"Wil je eerst advies? Bel het Landelijk Meldpunt Zorg (LMZ): {lmz.phone}. ")
    else:
        body = ("Kwam er geen antwoord, of hielp het antwoord niet? Normaal ga je dan naar de geschilleninstantie. "
                "Daarvoor heb je een jaar na je klacht. Die tijd is voorbij. "
                f"Vraag advies over wat nog kan bij het Landelijk Meldpunt Zorg (LMZ): {lmz.phone}. ")
    second = (body + "Dat kan op werkdagen van 9:00 tot 17:00 uur."
              f"\n\nBron: Wkkgz, artikel 21 lid 1 · {WKKGZ_URL}; "
              + "; ".join(s.cite() for s in gc.more_sources) + f"; {lmz.source.cite()}")
    return [first, second]


class ValidateDeadlineForm(FormValidationAction):
    """Reads the date of the complaint from the latest message."""

    def name(self) -> Text:
        return "validate_deadline_form"

    async def extract_complaint_date(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        message = tracker.latest_message or {}
        asked = tracker.get_slot("requested_slot") == SLOT
        values, reply = read_date_answer(message.get("text") or "", date.today(),
                                         ((message.get("intent") or {}).get("name")), asked)
        if reply:
            dispatcher.utter_message(text=reply)
        return values


class ActionDeadlines(Action):
    """Sends the dates for the complaint date in the slot, then empties the slot."""

    def name(self) -> Text:
        return "action_deadlines"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        value = tracker.get_slot(SLOT)
        try:
            filed = date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            filed = None
        if filed is None:
            dispatcher.utter_message(text="Ik weet de datum van je klacht nog niet. "
                                          "Vraag me: tot wanneer heeft de kliniek? Dan vraag ik de datum.")
            return [SlotSet(SLOT, None)]
        for message in deadline_messages(filed, date.today()):
            dispatcher.utter_message(text=message)
        return [SlotSet(SLOT, None)]
