"""A complaint letter: the `letter_form`, the letter itself, and `action_complaint_letter`.

Slots (domain.yml, form `letter_form`, all `mappings: [{type: custom}]`, filled here by `validate_letter_form`):
  letter_provider   the clinic or doctor as typed ("Kliniek Mooi"), or "onbekend"
  letter_treatment  the treatment as typed ("ooglidcorrectie"), or "onbekend"
  letter_date       "2026-03-03" (a day), "maart 2026" / "begin maart 2026" / "2025" (no day), or "onbekend"
  letter_problem    what went wrong, 3-1500 characters, or "onbekend"
  letter_wish       uitleg | excuses | herstel | geld_terug | schadevergoeding | anders, several joined by ","
                    ("excuses,geld_terug"), or the person's own words
Buttons send `/inform{"letter_wish": "excuses"}`: entity `letter_wish`.
No name, address or BSN is asked or stored: personal data in an answer is replaced by a placeholder such as
"[e-mailadres weggelaten]". Pure functions take `today`; only the Action classes call `date.today()`.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dates import InvalidDate, format_dutch_date, parse_dutch_date
from actions.form_answers import (base_intent, describe_month, entity_value, fold, is_unknown, month_or_year,
                                  personal_data_note, redact_personal_data, should_skip, strip_placeholders)
from actions.knowledge import WKKGZ_URL

LETTER_SLOTS = ("letter_provider", "letter_treatment", "letter_date", "letter_problem", "letter_wish")
WISHES = ("uitleg", "excuses", "herstel", "geld_terug", "schadevergoeding", "anders")
UNKNOWN = "onbekend"
PROBLEM_MIN, PROBLEM_MAX = 3, 1500
PROVIDER_MAX, TREATMENT_MAX = 120, 150

# Messages while filling the form (B1; quality.readability).
NOTE_PROVIDER_LONG = ("Dat is veel tekst. Typ alleen de naam van de kliniek of arts. "
                      "Weet je de naam niet? Typ dan: weet ik niet.")
NOTE_TREATMENT_LONG = "Dat is veel tekst. Noem alleen de behandeling, in een paar woorden. Bijvoorbeeld: fillers."
NOTE_DATE_FUTURE = "Die datum is nog niet geweest. Typ de datum van je behandeling."
NOTE_DATE_VAGUE = ("Dat is niet precies genoeg voor de brief. Typ de dag, of de maand en het jaar. "
                   "Bijvoorbeeld: 3 maart 2026 of maart 2026. Weet je het niet? Typ dan: weet ik niet.")
NOTE_DATE_NONE = ("Ik zie daarin geen datum. Typ de dag, of de maand en het jaar. "
                  "Bijvoorbeeld: 3 maart 2026 of maart 2026. Weet je het niet? Typ dan: weet ik niet.")
NOTE_PROBLEM_SHORT = "Dat is erg kort. Beschrijf in een paar zinnen wat er mis ging."
NOTE_PROBLEM_LONG = (f"Dat is te lang voor de brief. Houd het korter dan {PROBLEM_MAX} tekens. "
                     "Schrijf de belangrijkste punten op. De rest kun je later zelf aanvullen.")
NOTE_EMPTY = "Ik zie geen antwoord op mijn vraag. Probeer het nog eens."

INTRO = ("Hier is je brief. Vul de delen tussen [haakjes] zelf in. Bewaar een kopie. "
         "Stuur de brief per post of e-mail naar de kliniek. Schrijf op wanneer je hem stuurt. "
         "De kliniek moet binnen 6 weken schriftelijk antwoorden."
         f"\n\nBron: Wkkgz, artikel 14 en 17 · {WKKGZ_URL}")
DOWNLOAD_NAME = "klachtbrief.txt"

# ---------------------------------------------------------------------------------------------------------------
# Reading the answers

_PROVIDER_LEAD = re.compile(
    r"^(?:(?:het|dat|die)\s+(?:was|is|heet|heette)\s+|(?:de\s+)?(?:naam|kliniek|arts|dokter|praktijk|chirurg)\s+"
    r"(?:is|heet|heette|was)\s+|(?:ik\s+(?:was|ging)\s+)?(?:bij|aan|naar)\s+)+", re.I)
_TREATMENT_LEAD = re.compile(
    r"^(?:(?:ik\s+(?:had|heb|kreeg|liet|deed|onderging)|het\s+was|dat\s+was|het\s+ging\s+om)\s+(?:een\s+|mijn\s+|de\s+)?"
    r"|een\s+|mijn\s+|m'n\s+|de\s+)", re.I)
_TREATMENT_TAIL = re.compile(r"\s+(?:laten\s+(?:doen|zetten|plaatsen|maken|spuiten)|gehad|gedaan|genomen)\W*$", re.I)
_EDGE = " \t\n\"'“”„«».,;:!"

_WISH_WORDS = (
    # checked in this order; each wish found counts
    ("geld_terug", r"geld\s*terug|terugbetal|terug\s*betal|terugstort|restitutie|refund|kosten\s+terug|"
                   r"bedrag\s+terug|mijn\s+geld"),
    ("schadevergoeding", r"schadevergoeding|schade\s*vergoed|smartengeld|compensatie|vergoeding\s+van\s+(?:de\s+)?"
                         r"schade|vergoeding|schadeclaim"),
    ("herstel", r"herstel|corrigeren|correctie|repareren|rechtzetten|recht\s+zetten|opnieuw\s+(?:doen|behandel)|"
                r"nieuwe\s+behandeling|gratis\s+(?:behandeling|operatie|nabehandeling)|oplossen\s+van\s+het\s+resultaat|"
                r"weer\s+goed\s+maken|goedmaken"),
    ("excuses", r"excuus|excuses|sorry|verontschuldig|spijt\s+betuig"),
    ("uitleg", r"uitleg|uitleggen|verklaring|weten\s+(?:wat|waarom|hoe)|waarom\s+het|antwoord\s+op|opheldering|"
               r"duidelijkheid"),
)
_WISH_OTHER = re.compile(r"^(?:iets\s+anders|anders|overig|geen\s+van\s+(?:deze|allen|alle))\W*$")


WISH_OWN_WORDS = 8  # a longer answer is kept in the person's own words


def read_wish(text: str) -> Optional[str]:
    """uitleg … schadevergoeding from a short free text, several joined by "," ("excuses,geld_terug"); "anders"
    for "iets anders" and "weet ik niet"; None when no known wish is named or the answer is longer than
    WISH_OWN_WORDS words (the letter then uses the person's own words)."""
    t = fold(text)
    if _WISH_OTHER.match(t) or is_unknown(t):
        return "anders"
    if len(t.split()) > WISH_OWN_WORDS:
        return None
    found = [wish for wish, pattern in _WISH_WORDS if re.search(r"(?<![a-z])(?:" + pattern + ")", t)]
    if "geld_terug" in found and "schadevergoeding" in found and not re.search(
            r"schadevergoeding|schade|smartengeld|compensatie", t):
        found.remove("schadevergoeding")  # "vergoeding van mijn geld": money back only
    return ",".join(w for w in WISHES if w in found) or None


def read_letter_date(text: str, today: date) -> Tuple[Optional[str], Optional[str]]:
    """(value, note) for the date of the treatment: "2026-03-03", "maart 2026", "onbekend"; (None, why) when it
    cannot be used (a date to come, an impossible date, too vague, no date)."""
    if is_unknown(text):
        return UNKNOWN, None
    try:
        found = parse_dutch_date(text, today)
    except InvalidDate as problem:
        found, reason = None, problem.reason
    else:
        reason = None
    if found is not None:
        if found > today:
            return None, NOTE_DATE_FUTURE
        return found.isoformat(), None
    if reason and ("bestaat niet" in reason or "klopt vast niet" in reason):
        return None, f"{reason} Typ de datum van je behandeling nog eens."
    rough = month_or_year(text, today)
    if rough is not None:
        part, month, year = rough
        if year > today.year or (year == today.year and month and month > today.month):
            return None, NOTE_DATE_FUTURE
        if year < 1950:
            return None, NOTE_DATE_VAGUE
        return describe_month(part, month, year), None
    if reason:
        return None, NOTE_DATE_VAGUE
    return None, NOTE_DATE_NONE


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip(_EDGE)


def _read_provider(text: str) -> Tuple[Optional[str], Optional[str]]:
    value = _clean(_PROVIDER_LEAD.sub("", _clean(text)))
    if not value:
        return None, NOTE_EMPTY
    if len(value) > PROVIDER_MAX or len(value.split()) > 12:
        return None, NOTE_PROVIDER_LONG
    return value, None


def _read_treatment(text: str) -> Tuple[Optional[str], Optional[str]]:
    value = _clean(_TREATMENT_TAIL.sub("", _TREATMENT_LEAD.sub("", _clean(text))))
    if not value:
        return None, NOTE_EMPTY
    if len(value) > TREATMENT_MAX or len(value.split()) > 20:
        return None, NOTE_TREATMENT_LONG
    if value[0].isupper() and value[1:] == value[1:].lower():
        value = value[0].lower() + value[1:]  # "Ooglidcorrectie" → "ooglidcorrectie"; "BBL" stays
    return value, None


def _read_problem(text: str) -> Tuple[Optional[str], Optional[str]]:
    value = (text or "").strip()
    letters = re.sub(r"[^\w]", "", strip_placeholders(value))
    if len(letters) < PROBLEM_MIN:
        return None, NOTE_PROBLEM_SHORT
    if len(value) > PROBLEM_MAX:
        return None, NOTE_PROBLEM_LONG
    return value, None


def letter_answer(message: Optional[Dict[str, Any]], requested_slot: Optional[str],
                  today: date) -> Tuple[Dict[str, Any], List[str]]:
    """({slot: value}, notes) for one user message (a tracker's `latest_message`) in the letter form.

    Only the slot that was asked for is read: from the button entity of the same name if there is one, else from
    the text. ({}, []) leaves the message to the rules (urgent help, stop, questions, greetings); the form then
    asks again. ({slot: None}, [why]) when the answer cannot be used: the form asks again after the note."""
    if requested_slot not in LETTER_SLOTS:
        return {}, []
    message = message or {}
    text = (message.get("text") or "").strip()
    intent = base_intent(message)
    if requested_slot == "letter_wish":
        button = entity_value(message, "letter_wish", WISHES)
        if button:
            return {requested_slot: button}, []
    if should_skip(intent, text) or text.startswith("/"):
        return {}, []

    clean, kinds = redact_personal_data(text, addresses=requested_slot != "letter_provider")
    notes = [personal_data_note(kinds)] if kinds else []
    rest = strip_placeholders(clean)
    if kinds and not re.search(r"[^\W\d_]{2,}", rest.replace("weggelaten", "")):
        # only personal data: nothing to read
        if intent == "share_personal_data":
            return {}, []  # the rule for personal data answers, then the form asks again
        return {requested_slot: None}, notes

    if requested_slot != "letter_wish" and is_unknown(rest):
        return {requested_slot: UNKNOWN}, notes

    if requested_slot == "letter_provider":
        value, note = _read_provider(clean)
    elif requested_slot == "letter_treatment":
        value, note = _read_treatment(clean)
    elif requested_slot == "letter_date":
        value, note = read_letter_date(rest, today)
    elif requested_slot == "letter_problem":
        value, note = _read_problem(clean)
    else:
        value = read_wish(rest) or (_clean(clean) if len(_clean(rest)) >= 3 else None)
        note = None if value else NOTE_EMPTY
        if value and len(value) > PROBLEM_MAX:
            value, note = None, NOTE_PROBLEM_LONG
    return {requested_slot: value}, notes + ([note] if note else [])


# ---------------------------------------------------------------------------------------------------------------
# The letter

WISH_SENTENCES = {
    "uitleg": "Ik wil graag uitleg over wat er is gebeurd en waarom.",
    "excuses": "Ik wil graag excuses voor wat er is gebeurd.",
    "herstel": "Ik wil graag dat het resultaat wordt hersteld, zonder extra kosten voor mij.",
    "geld_terug": "Ik wil graag het bedrag terug dat ik voor de behandeling heb betaald.",
    "schadevergoeding": "Ik wil graag een vergoeding van de schade die ik door de behandeling heb.",
    "anders": "[Schrijf hier wat je wilt bereiken met je klacht.]",
}
PLACEHOLDERS = ("[Je naam]", "[Je adres]", "[Je postcode en woonplaats]", "[Je telefoonnummer of e-mailadres]")
PROVIDER_PLACEHOLDER = "[Naam kliniek of arts]"


def _slot_text(slots: Dict[str, Any], name: str) -> Optional[str]:
    value = slots.get(name)
    if not isinstance(value, str):
        return None
    value, _ = redact_personal_data(value.strip(), addresses=name != "letter_provider")
    return None if not value or value.lower() == UNKNOWN else value


def _when(value: Optional[str]) -> Optional[str]:
    """"Op 3 maart 2026", "In maart 2026", "Begin maart 2026"; None when unknown."""
    if not value:
        return None
    try:
        return f"Op {format_dutch_date(date.fromisoformat(value), weekday=False)}"
    except ValueError:
        pass
    if re.match(r"^(?:begin|eind|half|midden)\b", value):
        return value[0].upper() + value[1:]
    if re.match(r"^(?:\d{4}|[a-z]+ \d{4})$", value):
        return f"In {value}"
    return f"Rond {value}" if not value.lower().startswith(("op ", "in ", "rond ")) else value[0].upper() + value[1:]


def _wish_lines(value: Optional[str]) -> List[str]:
    if not value:
        return [WISH_SENTENCES["anders"]]
    parts = [p.strip() for p in value.split(",")]
    if all(p in WISH_SENTENCES for p in parts):
        return [WISH_SENTENCES[p] for p in WISHES if p in parts]
    own = value.strip()
    own = own[0].upper() + own[1:]
    return [own if own.endswith((".", "!", "?")) else own + "."]


def compose_letter(slots: Dict[str, Any], today: date) -> str:
    """The complaint letter as plain text, from the letter slots. Parts the person fills in are in [brackets]."""
    provider = _slot_text(slots, "letter_provider") or PROVIDER_PLACEHOLDER
    treatment = _slot_text(slots, "letter_treatment")
    when = _when(_slot_text(slots, "letter_date"))
    problem = _slot_text(slots, "letter_problem") or "[Beschrijf hier wat er mis ging.]"
    wishes = _wish_lines(_slot_text(slots, "letter_wish"))

    what = treatment or "[naam van de behandeling]"
    when = when or "Op [datum van de behandeling]"
    subject = f"Klacht over mijn behandeling ({treatment})" if treatment else "Klacht over mijn behandeling"

    lines = list(PLACEHOLDERS) + [
        "",
        f"Aan: {provider}",
        "[Adres van de kliniek of arts]",
        "",
        f"Datum: {format_dutch_date(today, weekday=False)}",
        f"Onderwerp: {subject}",
        "",
        "Geachte heer, mevrouw,",
        "",
        "Met deze brief dien ik een schriftelijke klacht in. Dat doe ik op grond van artikel 14 van de "
        "Wet kwaliteit, klachten en geschillen zorg (Wkkgz).",
        "",
        f"{when} had ik bij u deze behandeling: {what}.",
        "",
        "Wat er mis ging:",
        problem,
        "",
        "Wat ik van u vraag:",
    ] + [f"- {w}" for w in wishes] + [
        "",
        "Ik wil graag hulp van uw klachtenfunctionaris, als ik dat nodig vind. Die hulp is gratis "
        "(artikel 15 Wkkgz). Wilt u mij laten weten hoe ik de klachtenfunctionaris kan bereiken?",
        "",
        "Ik vraag u mij binnen zes weken na het indienen van deze klacht schriftelijk te antwoorden "
        "(artikel 17 lid 1 Wkkgz). Schrijf in uw antwoord wat uw oordeel over mijn klacht is, welke beslissingen u "
        "neemt en wanneer u die uitvoert.",
        "Hebt u meer tijd nodig voor een zorgvuldig onderzoek? Dan mag u die termijn met ten hoogste vier weken "
        "verlengen. Dat moet u mij dan schriftelijk laten weten, voordat de zes weken voorbij zijn "
        "(artikel 17 lid 2 Wkkgz).",
        "",
        "Lost uw antwoord mijn klacht niet op? Dan kan ik mijn klacht voorleggen aan de geschilleninstantie "
        "waarbij u bent aangesloten (artikel 21 Wkkgz).",
        "",
        "Ik hoor graag van u.",
        "",
        "Met vriendelijke groet,",
        "",
        "[Je naam]",
        "",
        "Bijlagen: [bijvoorbeeld foto's of de rekening, als je die meestuurt]",
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# The actions

class ValidateLetterForm(FormValidationAction):
    """Reads the answer to the question the letter form asked; nothing else."""

    def name(self) -> Text:
        return "validate_letter_form"

    def _one(self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != slot:
            return {}
        values, notes = letter_answer(tracker.latest_message, slot, date.today())
        for note in notes:
            dispatcher.utter_message(text=note)
        return values

    async def extract_letter_provider(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                      domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "letter_provider")

    async def extract_letter_treatment(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "letter_treatment")

    async def extract_letter_date(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "letter_date")

    async def extract_letter_problem(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "letter_problem")

    async def extract_letter_wish(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "letter_wish")


def one_message(text: str) -> str:
    """The letter as one chat message: Rasa's channels split a text on blank lines into separate messages, so the
    blank lines between paragraphs keep a single space."""
    return text.replace("\n\n", "\n \n")


class ActionComplaintLetter(Action):
    """Sends a short intro, then the letter (as text, and as a download for a web channel); empties the slots."""

    def name(self) -> Text:
        return "action_complaint_letter"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        letter = compose_letter({name: tracker.get_slot(name) for name in LETTER_SLOTS}, date.today())
        dispatcher.utter_message(text=INTRO)
        dispatcher.utter_message(text=one_message(letter), json_message={
            "type": "download", "filename": DOWNLOAD_NAME, "mime_type": "text/plain", "content": letter})
        return [SlotSet(name, None) for name in LETTER_SLOTS]
