"""Urgent help as a state of the conversation.

A crisis signal (suicidal thoughts, self-harm, a threat, a medical emergency) or a medical worry sets the slots
`crisis` (its kind) and `in_crisis`. While `in_crisis` is set, the rules send short answers, thanks, "nee",
fallbacks and questions to `action_crisis_followup`, which reads them in the crisis: "ik wil niet bellen" gets
the 113 chat, "het is zaterdagavond" the huisartsenpost, "ik zit in Turkije" 112 abroad, "moet ik naar de
politie?" the police. A clear question of the person's own is answered, with the help line after it; "terug naar
mijn vraag" ends the crisis reading. Every crisis reply asks the channel to keep the help button in view for the
rest of the conversation (`PIN`).

The texts live in data/knowledge/safety.yml; pure functions here choose them, the Action classes stay thin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import suggestions
from actions.knowledge import Source, load_yaml
from nlu_components.detectors import fold as _fold

# What the channels receive to keep the help button in view (bot/static/widget.js, bot/telegram/format.py).
PIN = {"type": "safety_line"}
CRISIS_KINDS = ("suicidal", "self_harm", "threat", "emergency", "medical_worry", "check", "help")
FAMILY = {"suicidal": "mental", "attempt": "attempt", "other_at_risk": "other", "self_harm": "mental", "threat": "threat", "emergency": "medical",
          "medical_worry": "worry", "check": "check", "help": "check"}
SAFETY_KEY = "safety"  # nlu_components/overrides.py puts {"kind", "language", "model"} here in the parse data
ANSWER_FAQ_ABOVE = 0.5  # a topic answer in a crisis or after a check-in only when the model is this sure of it
START_GUIDED_ABOVE = 0.8  # guided help asked for in a crisis only when the model is this sure of it
# Guided help a message may ask for: (the response that introduces it or None, the form or action that does it);
# the same starts as data/rules/guided.yml.
GUIDED = {"start_complaint_route": ("utter_route_intro", "complaint_route_form"), "ask_deadline": (None, "deadline_form"),
          "write_letter": ("utter_letter_intro", "letter_form"), "check_clause": ("utter_clause_intro", "clause_form"),
          "ask_law_article": (None, "action_law_article")}


@dataclass
class Reply:
    texts: List[str]
    buttons: List[Dict[str, str]] = field(default_factory=list)
    faq: Optional[str] = None  # a topic answer (utter_faq/<key>) to send before the texts
    faq_first: bool = True
    events: List[Dict[str, Any]] = field(default_factory=list)
    pin: bool = True
    guided: Optional[str] = None  # guided help to start after the texts (a key of GUIDED)


def _data() -> Dict[str, Any]:
    return load_yaml("safety")


def sources(keys: List[str]) -> List[Source]:
    known = _data()["sources"]
    return [Source(known[k]["document"], known[k]["url"]) for k in keys]


def _with_sources(entry: Dict[str, Any], language: str) -> str:
    cite = "Source" if language == "en" else "Bron"
    lines = "; ".join(s.cite() for s in sources(entry.get("sources") or []))
    return f"{entry[language].strip()}\n\n{cite}: {lines}" if lines else entry[language].strip()


def kind_text(kind: str, language: str = "nl") -> str:
    """The first answer to a kind of danger (data/knowledge/safety.yml `kinds`), with its sources."""
    return _with_sources(_data()["kinds"][kind], language)


def followup_text(family: str, followup: str, language: str = "nl") -> str:
    """The answer to a follow-up in a crisis of a family; the family's default when nothing more specific exists."""
    texts = _data()["followups"][family]
    return _with_sources(texts.get(followup) or texts["default"], language)


def gateway_text() -> str:
    """What the gateway says about urgent help when the assistant cannot answer."""
    return " ".join(_data()["gateway"]["nl"].split())


def _button(name: str, language: str) -> Dict[str, str]:
    item = _data()[name]
    return {"title": item[language], "payload": item.get("payload") or item[language]}


def crisis_buttons(family: str, language: str) -> List[Dict[str, str]]:
    buttons = [_button("chat_button", language)] if family == "mental" else []
    return buttons + [_button("back_button", language)]


# --- reading a follow-up in a crisis -------------------------------------------------------------------------------
# "terug naar mijn vraag" always ends the crisis reading; "het gaat beter" or "ik heb gebeld" only when nothing in
# the message says otherwise ("ik heb 113 gebeld maar ze nemen niet op").
BACK = re.compile(r"\b(terug naar (mijn|m'?n|de) vraag|ga (maar )?verder( met de vragen)?|verder met (de|mijn) vragen|back to my question|(ik heb|heb) (nog )?(een )?(andere )?vraag|"
                  r"i have (a|another) question|(alleen|gewoon|liever) (\w+ )?mijn vraag|(wil|praat) er (liever )?(niet|nie) over)\b")
FINE = re.compile(r"^(ja|jawel|ja hoor|jep|yes|yeah|goed|prima|oke|ok|okay|gaat wel|het gaat( wel)?|i'?m (ok|okay|fine)|fine)\b")
NEGATION = re.compile(r"\b(niet|nie|geen|maar|not|n'?t|no)\b")
FOLLOWUPS: List[Tuple[str, re.Pattern]] = [
    ("what_now", re.compile(r"\b(wat (moet|kan|zal) ik (nu )?(doen|nu)|wat nu|hoe nu|wie kan (me|mij) helpen|"
                            r"what (should|do|can) i do)\b")),
    ("wait", re.compile(r"\b((kan|mag) (het|dat|dit) (nog )?wachten|wachten\b.{0,30}\b(morgen|maandag|weekend|vlucht|thuis)|"
                        r"morgen (het |de )?(vliegtuig|vlucht)|vliegtuig naar huis|"
                        r"tot (maandag|morgen|na het weekend)|afwachten|can (it|this) wait|wait (until|till))\b")),
    ("after_hours", re.compile(r"\b((namen|neemt|nemen|nam) (niet|nie) op|bezet|in de wacht|niet bereikbaar)\b")),
    ("back", re.compile(r"\b((het )?gaat (nu |weer |wel |al )*(wat )?(beter|goed|prima)|ik ben (weer )?(ok|oke|okay|oke|in orde)|"
                        r"(het )?gaat (nu |wel |al )*weer\b|ik heb (al |net |nu |zojuist )*(113 |iemand |de huisarts |de politie |112 |mijn \w+ )?"
                        r"(gebeld|gesproken|gechat)|"
                        r"ik heb (nu )?hulp|(ik )?(heb|krijg) (al )?hulp|i'?m (ok|okay|fine|better) now|i have a question)\b")),
    ("police", re.compile(r"\b(politie|aangifte|police|report (it|him|her|them)|0900|8844|bewaren|bewijs|screenshots?)\b")),
    ("chat", re.compile(r"\b(chat|chatten|typen|appen|whatsapp|mailen|sms|(niet|nie|geen zin om|durf niet|kan niet|wil niet) "
                        r"(te )?(bellen|praten|telefoneren)|niet bellen|bellen durf ik niet|don'?t want to (call|talk)|"
                        r"can'?t (call|talk)|text|bellen lukt (niet|nie|ni)|lukt (me )?(niet|nie) (om )?te bellen|geen woord)\b")),
    ("abroad", re.compile(r"\b(buitenland|hotel|turkije|istanbul|antalya|spanje|belgie|duitsland|polen|tsjechie|"
                          r"hongarije|vakantie|abroad|not in the netherlands|turkey|belgium|tunesie|egypte|marokko|albanie|tirana|marbella|"
                          r"dubai|mexico|colombia|thailand|iran|litouwen|letland|gent|antwerpen|brussel|leuven|brugge|ambassade|consulaat|buitenlandse zaken|embassy|germany|spain|poland|hungary|czech|"
                          r"werkt (112|113|dat) (hier|daar)|werkt hier (niet|nie)|(112|113)\b.{0,15}\bwerkt (niet|nie)|112 (werkt|working|works|work)|(does|is|will) 112|"
                          r"alarmnummer (hier|daar))\b")),
    ("after_hours", re.compile(r"\b(avond|nacht|weekend|zaterdag|zondag|feestdag|dicht|gesloten|niet (bereikbaar|open)|"
                               r"neemt niet op|huisartsenpost|night|weekend|closed)\w*")),
    ("gone", re.compile(r"\b(hij|ze|zij) (is|zijn) (nu )?(weg|vertrokken|weggegaan|weggereden)\b|\b(he|they) (left|(is|are) gone)\b")),
    ("bye", re.compile(r"^(doei|dag|tot ziens|bye|goodbye|ciao|later|ik ga|ik stop)\b")),
]


# A question of the person's own about their rights, money or the complaint ("en die klacht?", "mag dat eigenlijk?"):
# answered in a crisis, with the help line under it.
OWN_QUESTION = re.compile(r"\b(klacht\w*|klagen|klaag|zwijg\w*|contract|review|geld|terug\w*|refund|complain\w*|teken\w*|"
                          r"verklaring|schikking|geschil\w*|dossier|wet|rechten|vergoed\w*|schadevergoeding|nda|"
                          r"aansprakelijk\w*|bureau|mag (ik|de kliniek|dat|een kliniek|het)|is dat (wel )?(geldig|toegestaan))\b")


QUESTION = re.compile(r"^(en |maar |ok |oke )?(hoe|wat|wie|waar|wanneer|welke|hoeveel|mag|kan|moet|is|zijn|heb|wordt)\b|\?")


def own_question(text: str) -> bool:
    t = _fold(text)
    return bool(OWN_QUESTION.search(t)) and ("?" in text or len(t.split()) >= 4)


def plain_question(text: str) -> bool:
    """A question of some length ("hoe lang duurt het voordat fillers oplossen?"), not a word about how it goes."""
    t = _fold(text)
    return bool(QUESTION.search(t)) and len(t.split()) >= 5


def read_followup(text: str) -> Optional[str]:
    """What a message in a crisis asks for: back, police, chat, abroad, after_hours, bye, what_now; or None."""
    t = _fold(text)
    if BACK.search(t):
        return "back"
    for name, pattern in FOLLOWUPS:
        if name == "back" and NEGATION.search(t):
            continue
        if pattern.search(t):
            return name
    return None


# --- choosing the reply ---------------------------------------------------------------------------------------------
def language_of(parse_data: Dict[str, Any], crisis_language: Optional[str]) -> str:
    """English when the message is English, or the crisis was told in English and the message is too short to
    tell ("yes", "no")."""
    info = (parse_data or {}).get(SAFETY_KEY) or {}
    if info.get("language") == "en":
        return "en"
    words = re.findall(r"[a-zA-Z']+", ((parse_data or {}).get("text") or "").lower())
    if re.search(r"\b(english|speak dutch|no dutch)\b", " ".join(words)):
        return "en"
    dutch = re.search(r"\b(ik|je|jij|het|de|een|niet|wat|hoe|mijn|werkt|kan|moet|dat|en|ook|nog|maar|wel)\b",
                      " ".join(words))
    if crisis_language == "en" and (len(words) < 3 or not dutch):
        return "en"
    return "nl"


SAFETY_INTENTS = {"suicidal", "self_harm", "threat", "emergency", "medical_worry", "safety_check", "crisis_help"}


def _ranking(parse_data: Dict[str, Any], besides_safety: bool) -> List[Dict[str, Any]]:
    skip = {"nlu_fallback"} | (SAFETY_INTENTS if besides_safety else set())
    return [i for i in (parse_data or {}).get("intent_ranking") or [] if i.get("name") not in skip]


def faq_answer(parse_data: Dict[str, Any], minimum: float = ANSWER_FAQ_ABOVE, besides_safety: bool = False) -> Optional[str]:
    """The topic answer the message asks for (utter_faq/<key>) when the model is sure enough it is a topic question;
    `besides_safety`: the question that comes with a word about how the person is ("het gaat weer, mag ik …?")."""
    parse_data = parse_data or {}
    ranking = _ranking(parse_data, besides_safety)
    faq_confidence = next((i.get("confidence") or 0.0 for i in ranking if i.get("name") == "faq"), 0.0)
    top = ranking[0]["name"] if ranking else None
    selected = ((parse_data.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    key = selected.get("intent_response_key")
    if top != "faq" or faq_confidence < minimum or not key:
        return None
    return f"utter_{key}"


def guided_request(parse_data: Dict[str, Any], minimum: float, besides_safety: bool = False) -> Optional[str]:
    """The guided help the message asks for (a key of GUIDED) when the model's first guess besides the fallback is
    one, at least this sure."""
    ranking = _ranking(parse_data, besides_safety)
    if ranking and ranking[0].get("name") in GUIDED and (ranking[0].get("confidence") or 0.0) >= minimum:
        return ranking[0]["name"]
    return None


# A crisis is not downgraded by a lesser signal after it: bleeding after self-harm stays self-harm, "kan het wachten
# tot maandag?" after an emergency stays an emergency.
SEVERITY = {"attempt": 5, "other_at_risk": 4, "suicidal": 4, "self_harm": 3, "threat": 3, "emergency": 3, "medical_worry": 2, "safety_check": 1, "check": 1}
FOLLOWUP_NAMES = ("back", "police", "chat", "abroad", "after_hours", "wait", "what_now")


def model_guess(parse_data: Dict[str, Any]) -> bool:
    """The safety intent came from the model, not from the plain checks (which name their kind)."""
    info = (parse_data or {}).get(SAFETY_KEY) or {}
    intent = ((parse_data or {}).get("intent") or {}).get("name")
    return info.get("kind") != intent


def crisis_events(kind: str, language: str) -> List[Dict[str, Any]]:
    return [SlotSet("crisis", kind), SlotSet("in_crisis", True), SlotSet("crisis_language", language)]


def first_reply(intent: str, parse_data: Dict[str, Any], crisis: Optional[str],
                responses: Dict[str, Any]) -> Reply:
    """The answer to a safety intent (suicidal, self_harm, threat, emergency, medical_worry, safety_check,
    crisis_help)."""
    info = (parse_data or {}).get(SAFETY_KEY) or {}
    language = "en" if info.get("language") == "en" else "nl"
    if intent == "suicidal" and info.get("kind") in ("attempt", "other_at_risk"):
        return Reply([kind_text(info["kind"], language)], crisis_buttons("mental", language),
                     events=crisis_events(info["kind"], language))
    if intent == "threat" and read_followup((parse_data or {}).get("text") or "") == "abroad":
        # held or threatened abroad: the police there and the 24/7 BZ Contactcenter, not the Dutch police line
        return Reply([followup_text("threat", "abroad", language)], crisis_buttons("threat", language),
                     events=crisis_events("threat", language))
    if intent in ("suicidal", "self_harm", "threat", "emergency", "medical_worry"):
        family = FAMILY[intent]
        buttons = crisis_buttons(family, language)
        if intent == "medical_worry":
            # the doctor first; "is dat erg?" or "het is zaterdag" after it is read as a medical worry, a question
            # of its own is answered as usual (followup_reply)
            buttons = [{"title": "Waar kan ik klagen?" if language == "nl" else "Where can I complain?",
                        "payload": "/start_complaint_route"}]
            return Reply([kind_text(intent, language)], buttons, pin=False, events=crisis_events(intent, language))
        return Reply([kind_text(intent, language)], buttons, events=crisis_events(intent, language))
    if intent == "crisis_help":
        kind = crisis if crisis in CRISIS_KINDS else "help"
        text = kind_text(kind if kind in _data()["kinds"] else "check", language)
        return Reply([text], crisis_buttons(FAMILY.get(kind, "check"), language),
                     events=crisis_events(kind, language))
    # safety_check: a story with symptoms that are over, or danger the model was not sure of
    if info.get("kind") == "past_symptoms":
        faq = faq_answer(parse_data, minimum=0.3)
        guided = None if faq else guided_request(parse_data, minimum=0.3)
        buttons = [] if faq or guided else suggestions(parse_data, responses)
        # "Heb je die nu nog?": the answer is read as a medical worry
        return Reply([kind_text("past_symptoms", language)], buttons, faq=faq, faq_first=True, pin=False,
                     events=crisis_events("medical_worry", language), guided=guided)
    faq = faq_answer(parse_data)
    return Reply([kind_text("check", language)], [], faq=faq, faq_first=False,
                 events=crisis_events("check", language))


def followup_reply(intent: str, parse_data: Dict[str, Any], crisis: Optional[str],
                   crisis_language: Optional[str]) -> Reply:
    """The answer to a message while a crisis is remembered."""
    language = language_of(parse_data, crisis_language)
    family = FAMILY.get(crisis or "", "check")
    text = (parse_data or {}).get("text") or ""
    followup = read_followup(text)
    release = [SlotSet("in_crisis", False)]
    if family == "check":
        if followup == "back" or (intent in ("affirm", "thank") and FINE.search(_fold(text)) and not NEGATION.search(_fold(text))):
            return Reply([followup_text("check", "fine", language)], events=release)
        faq = faq_answer(parse_data)
        if faq:  # a question of their own: it is okay
            return Reply([], faq=faq, events=release, pin=False)
        if followup in ("police", "chat"):
            target = {"police": "threat", "chat": "mental"}[followup]
            return Reply([followup_text(target, followup, language)], crisis_buttons(target, language))
        if intent == "deny":
            return Reply([followup_text("mental", "default", language)], crisis_buttons("mental", language),
                         events=[SlotSet("crisis", "suicidal")])
        # no answer to "gaat het goed?": every line once more, and the conversation goes on as usual
        return Reply([followup_text("check", "unclear", language)], events=release)
    if followup == "back" or (crisis == "medical_worry" and intent == "deny"):
        if crisis == "medical_worry" and followup != "back":
            return Reply([followup_text("check", "fine", language)], events=release)
        # "het gaat weer, hoe dien ik een klacht in?": the line, then the question that came with it
        guided = guided_request(parse_data, 0.2, besides_safety=True)
        faq = None if guided else faq_answer(parse_data, 0.2, besides_safety=True)
        line = "after_answer" if guided or faq else "back"
        return Reply([followup_text(family, line, language)], events=release, faq=faq, faq_first=True,
                     guided=guided)
    if intent in ("thank", "goodbye") and followup in (None, "bye") and not (own_question(text) or plain_question(text)):
        return Reply([followup_text(family, "bye", language)], events=release if crisis == "medical_worry" else [])
    if followup == "police":
        return Reply([followup_text("threat" if family != "mental" else "mental", "police", language)],
                     crisis_buttons(family, language))
    if followup:
        return Reply([followup_text(family, followup, language)], crisis_buttons(family, language))
    guided = guided_request(parse_data, START_GUIDED_ABOVE) if intent in GUIDED else None
    if guided and len(text.split()) >= 3:
        # guided help asked for in so many words: it starts, with the help line first
        return Reply([followup_text(family, "after_answer", language)], events=release, guided=guided)
    if own_question(text) or plain_question(text):
        # their own question ("en die klacht?", "mag dat eigenlijk?"): the answer, with the help line under it
        guided = guided_request(parse_data, 0.3, besides_safety=True)
        faq = None if guided else faq_answer(parse_data, 0.3, besides_safety=True)
        if guided:
            return Reply([followup_text(family, "after_answer", language)], events=release, guided=guided)
        if faq:
            return Reply([followup_text(family, "after_answer", language)], faq=faq, faq_first=True,
                         events=release if crisis == "medical_worry" else [])
        if own_question(text):
            return Reply([followup_text("check", "unclear_question", language),
                          followup_text(family, "after_answer", language)])
    if crisis == "self_harm":
        return Reply([followup_text("self_harm", "default", language)], crisis_buttons(family, language))
    if crisis == "other_at_risk":  # someone else is in danger: 112 for them, 113 for advice
        return Reply([kind_text("other_at_risk", language)], crisis_buttons("mental", language))
    if family == "mental" and (intent == "affirm" or re.match(r"^(ja|yes|yeah)\b", _fold(text))):
        # "ja" to "Ben je in direct gevaar?": 112 now, once; a "ja" is too short to make every later turn an attempt
        return Reply([followup_text("attempt", "default", language)], crisis_buttons("mental", language))
    if intent == "ask_privacy":
        return Reply([followup_text(family, "after_answer", language)], faq="utter_privacy", faq_first=True)
    if crisis == "medical_worry" and intent not in ("deny",):
        return Reply([followup_text("worry", "default", language)], crisis_buttons("medical", language))
    return Reply([followup_text(family, "default", language)], crisis_buttons(family, language))


def stays_or_ends(events: List[Dict[str, Any]], in_crisis: bool = True) -> List[Dict[str, Any]]:
    """The events with `in_crisis` set either way: the rules (data/rules/safety.yml) know both endings."""
    if any(e.get("event") == "slot" and e.get("name") == "in_crisis" for e in events):
        return events
    return events + [SlotSet("in_crisis", in_crisis)]


def send(dispatcher: CollectingDispatcher, reply: Reply) -> List[Dict[str, Any]]:
    if reply.faq and reply.faq_first:
        dispatcher.utter_message(response=reply.faq)
    for number, text in enumerate(reply.texts):
        last = number == len(reply.texts) - 1
        dispatcher.utter_message(text=text, buttons=reply.buttons if last else [])
    if reply.faq and not reply.faq_first:
        dispatcher.utter_message(response=reply.faq)
    if reply.pin:
        dispatcher.utter_message(json_message=dict(PIN))
    if reply.guided:
        intro, action = GUIDED[reply.guided]
        if intro:
            dispatcher.utter_message(response=intro)
        return reply.events + [FollowupAction(action)]
    return reply.events


class ActionSafety(Action):
    """The first answer to danger, a medical worry, a check-in, or the help button."""

    def name(self) -> Text:
        return "action_safety"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        parse_data = tracker.latest_message or {}
        intent = (parse_data.get("intent") or {}).get("name") or ""
        crisis = tracker.get_slot("crisis")
        lesser = SEVERITY.get(intent, 0) < SEVERITY.get(crisis or "", 0)
        again = FAMILY.get(intent) == FAMILY.get(crisis or "") and model_guess(parse_data)  # the same crisis, told again
        # someone else's crisis, told further ("ze stuurde afscheid"): still theirs
        theirs = crisis == "other_at_risk" and intent in ("suicidal", "self_harm") and bool(
            re.search(r"\b(ze|zij|hij|haar|hem|she|he|her|him)\b", _fold(parse_data.get("text") or "")))
        followup = read_followup(parse_data.get("text") or "")
        not_worse = SEVERITY.get(intent, 0) <= SEVERITY.get(crisis or "", 0)
        if tracker.get_slot("in_crisis") and not tracker.active_loop.get("name") and (lesser or again or theirs or (
                followup in FOLLOWUP_NAMES and (model_guess(parse_data) or not_worse))):
            # in a crisis, the model's guess of danger in "moet ik naar de politie?" or "het gaat weer beter" is
            # a follow-up of the crisis
            reply = followup_reply(intent, parse_data, crisis, tracker.get_slot("crisis_language"))
        else:
            if tracker.get_slot("crisis_language") == "en" and language_of(parse_data, "en") == "en":
                parse_data = {**parse_data, SAFETY_KEY: {**(parse_data.get(SAFETY_KEY) or {}), "language": "en"}}
            reply = first_reply(intent, parse_data, crisis, (domain or {}).get("responses") or {})
        return stays_or_ends(send(dispatcher, reply))


class ActionCrisisFollowup(Action):
    """A message while a crisis is remembered, read in the crisis."""

    def name(self) -> Text:
        return "action_crisis_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        parse_data = tracker.latest_message or {}
        intent = (parse_data.get("intent") or {}).get("name") or ""
        reply = followup_reply(intent, parse_data, tracker.get_slot("crisis"), tracker.get_slot("crisis_language"))
        return stays_or_ends(send(dispatcher, reply))
