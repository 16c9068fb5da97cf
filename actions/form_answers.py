"""Reading free-text answers in the letter and clause forms: when to leave a message to the rules, questions,
"weet ik niet", personal data (taken out, never stored) and months or years without a day.

Pure functions only; `today` is passed in.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot import privacy
from actions.dates import _MONTH_WORDS, MONTHS, month_number
from actions.intents import RULE_INTENTS, SKIP_INTENTS
from nlu_components.detectors import fold


def base_intent(message: Optional[Dict[str, Any]]) -> str:
    """The intent of a tracker's `latest_message`, without a retrieval part ("faq/x" → "faq")."""
    return (((message or {}).get("intent") or {}).get("name") or "").split("/")[0]


def entity_value(message: Optional[Dict[str, Any]], name: str, allowed: Iterable[str]) -> Optional[str]:
    """The value a button payload (`/inform{"name": "value"}`) set for the entity `name`, when it is allowed."""
    allowed = set(allowed)
    for entity in (message or {}).get("entities") or []:
        value = entity.get("value")
        if entity.get("entity") == name and isinstance(value, str) and value.strip().lower() in allowed:
            return value.strip().lower()
    return None


# --- questions and messages the rules answer -----------------------------------------------------------------------

_QUESTION_START = re.compile(
    r"^(?:wat|waar|wie|hoe|wanneer|waarom|welke|welk|waarvoor|hoezo|mag|mogen|moet|moeten|kan|kun|kunnen|geldt|"
    r"houdt|valt|klopt|bestaat|is|zijn|heeft|hebben|wordt|worden|weet je|weten|snap|begrijp|zou|zullen|wil je|"
    r"what|how|why|can|does)\b")
# "Wat er misging, was …", "Waar ik woon …": a question word that starts a statement.
_STATEMENT_START = re.compile(r"^(?:wat|waar|wie|hoe|wanneer|waarom|welke)\s+(?:er|ik|je|hij|zij|ze|we|wij|de|het|"
                              r"mij|me|mijn|zij|die|dat)\b")


def is_question(text: str) -> bool:
    """A question to the bot: it ends with "?" or starts like a question ("wat is …", "mag ik …")."""
    t = fold(text)
    if not t:
        return False
    if t.rstrip(" .!\"'”").endswith("?"):
        return True
    return bool(_QUESTION_START.match(t)) and not _STATEMENT_START.match(t)


_SOCIAL_ONLY = re.compile(r"^(?:hallo|hoi|hey|hi|hee|goedemorgen|goedemiddag|goedenavond|dag|dank ?je(?: wel)?|"
                          r"dank u(?: wel)?|bedankt|thanks|thx|top|ok|oke|okay|prima|super|fijn|mooi|ja|nee|"
                          r"ja hoor|ok[ée]? dank je)\W*$")



def should_skip(intent: str, text: str) -> bool:
    """Whether a form leaves this message alone (returns {}), so the rule for it answers and the form asks again:
    urgent help and leaving the form; unreadable messages; a question with an intent that a rule answers; a bare
    greeting or thanks."""
    intent = (intent or "").split("/")[0]
    if intent in SKIP_INTENTS or intent == "unreadable":
        return True
    # other rule intents may still be an answer when the message is no question: a pasted text or a description
    # is often classified as one ("artikel 7: …" → ask_law_article, a long story → nlu_fallback)
    if intent in RULE_INTENTS and (is_question(text) or _SOCIAL_ONLY.match(fold(text))):
        return True
    return False


_UNKNOWN = re.compile(r"^(?:(?:nee|ja|uhm*|hmm+|eh+|sorry|helaas)[,.! ]+)?(?:dat )?(?:weet ik (?:het |dat )?niet|"
                      r"weet (?:het |ik )?niet|ik weet (?:het |dat )?niet|geen idee|geen flauw idee|onbekend|"
                      r"weet ik niet meer|weet ik (?:het )?niet (?:meer|zeker|precies)|ik weet het niet (?:meer|precies)|"
                      r"kan ik niet zeggen|vergeten|ben ik vergeten|geen benul|idk|geen flauw benul|"
                      r"weet de naam niet(?: meer)?|ik weet de naam niet(?: meer)?|ken de naam niet)\W*$")


def is_unknown(text: str) -> bool:
    """"weet ik niet", "geen idee", "onbekend", "vergeten" and the like, as the whole answer."""
    return bool(_UNKNOWN.match(fold(text)))


# --- personal data -----------------------------------------------------------------------------------------------

PLACEHOLDER = {
    "email": "[e-mailadres weggelaten]",
    "phone": "[telefoonnummer weggelaten]",
    "bsn": "[BSN weggelaten]",
    "iban": "[rekeningnummer weggelaten]",
    "postcode": "[postcode weggelaten]",
    "name": "[naam weggelaten]",
    "address": "[adres weggelaten]",
}
KIND_WORDS = {
    "email": "e-mailadres", "phone": "telefoonnummer", "bsn": "BSN", "iban": "rekeningnummer",
    "postcode": "postcode", "name": "naam", "address": "adres",
}
# Dutch postcodes never end in SA, SD or SS; capital words like "EN" or "OF" after a year are no postcode.
_POSTCODE = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS|EN|OF|IN|OP|TE|DE|IS|NA|EU|NL|BW|OK|JA|AL|NU|ZO)[A-Z]{2}\b|"
                       r"\b[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}\b")
_NAME = re.compile(r"\b(?:[Mm]ijn naam is|[Ii]k heet|[Mm]n naam is|[Mm]'n naam is)\s+"
                   r"((?:[A-Z][\w'-]+|van|de|der|den|het|ter|ten|op)(?:\s+(?:[A-Z][\w'-]+|van|de|der|den|ter|ten))*)")
_ADDRESS = re.compile(r"(?:(?<=[Ii]k woon op )|(?<=[Ii]k woon aan )|(?<=[Mm]ijn adres is ))(?:de |het )?(?:[A-Z][\w'-]*\s)+"
                      r"\d{1,4}\s?[a-zA-Z]?\b|"
                      r"\b[A-Z][a-z]+(?:straat|laan|weg|plein|gracht|singel|kade|dijk|dreef|steeg|hof|pad)\s+"
                      r"\d{1,4}\s?[a-zA-Z]?\b")


def _spans(text: str, addresses: bool) -> List[Tuple[int, int, str]]:
    found = privacy.spans(text)  # e-mail, phone, BSN, IBAN: the gateway's own detector
    found += [(m.start(), m.end(), "postcode") for m in _POSTCODE.finditer(text)]
    found += [(m.start(1), m.end(1), "name") for m in _NAME.finditer(text)]
    if addresses:
        found += [(m.start(), m.end(), "address") for m in _ADDRESS.finditer(text)]
    return found


def redact_personal_data(text: str, addresses: bool = True) -> Tuple[str, List[str]]:
    """The text with e-mail addresses, phone numbers, BSNs, IBANs, postcodes, "mijn naam is …" and street addresses
    replaced by a placeholder like "[e-mailadres weggelaten]", and the kinds that were found (in order, once each).
    E-mail, phone, BSN and IBAN are found by the gateway's detector (bot.privacy); its placeholders, when the
    gateway already took something out, count as found. `addresses=False` leaves street addresses (the clinic's address in its name is no personal data)."""
    text = text or ""
    # what the gateway took out before Rasa saw the message counts as found, under this module's placeholder
    earlier = [kind for kind, placeholder in privacy.PLACEHOLDERS.items() if placeholder in text]
    for kind in earlier:
        text = text.replace(privacy.PLACEHOLDERS[kind], PLACEHOLDER[kind])
    spans = sorted(_spans(text, addresses))
    merged: List[Tuple[int, int, str]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, kind))
    out = text
    for start, end, kind in reversed(merged):
        out = out[:start] + PLACEHOLDER[kind] + out[end:]
    kinds: List[str] = earlier
    for _, _, kind in merged:
        if kind not in kinds:
            kinds.append(kind)
    return out, kinds


def join_nl(items: List[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def personal_data_note(kinds: List[str], what: str = "de brief") -> str:
    """A kind word that the personal data was left out, and that it is not needed."""
    words = join_nl([KIND_WORDS[k] for k in kinds if k in KIND_WORDS]) or "persoonlijke gegevens"
    return (f"Ik heb je {words} weggelaten. Dat is niet nodig voor {what}. "
            "Deel liever geen persoonlijke gegevens met mij.")


def strip_placeholders(text: str) -> str:
    return re.sub(r"\[[^\]]*weggelaten\]", " ", text or "")


# --- a month or a year without a day -------------------------------------------------------------------------------

_PARTS = {"begin": "begin", "eind": "eind", "einde": "eind", "half": "half", "halverwege": "half",
          "midden": "midden", "medio": "half", "eerste helft": "begin", "tweede helft": "eind"}
_MONTH_YEAR = re.compile(r"\b(?:(begin|eind|einde|half|halverwege|midden|medio)\s+)?([a-z]{3,12})\.?"
                         r"(?:\s+(?:van\s+)?(\d{4}|'\d{2}|vorig jaar|dit jaar|verleden jaar|afgelopen jaar))?\b")
_YEAR = re.compile(r"\b(?:(begin|eind|einde|half|halverwege|midden|medio|zomer|voorjaar|najaar|winter|lente|herfst)"
                   r"\s+(?:van\s+)?)?((?:19|20)\d{2})\b")
_RELATIVE = re.compile(r"\b(vorige|verleden|afgelopen|deze)\s+maand\b|\b(vorig|verleden|afgelopen|dit)\s+jaar\b")
_NOT_MONTH_WORDS = {"over", "voor", "van", "tot", "dan", "met", "maar", "mee", "jaar", "dag", "dagen", "week",
                    "weken", "maand", "maanden", "mij", "mijn", "nog", "niet", "wel", "dit", "dat", "die", "jan",
                    "eerder", "erna", "daarna", "daarvoor", "juist", "mag", "maak", "maakt", "maken"}


def _strict_month(word: str) -> Optional[int]:
    """A month name, abbreviation or known misspelling; no guessing by similarity ("jullie" is no "juli")."""
    if word in _MONTH_WORDS:
        return _MONTH_WORDS[word]
    starts = {i + 1 for i, name in enumerate(MONTHS) if len(word) >= 3 and name.startswith(word)}
    return starts.pop() if len(starts) == 1 else None


def month_or_year(text: str, today: date) -> Optional[Tuple[Optional[str], Optional[int], int]]:
    """(part, month, year) for a time named without a day: "maart 2026" → (None, 3, 2026), "begin maart" →
    ("begin", 3, this year or last year), "vorige maand", "vorig jaar" → (None, None, 2025), "2022" → (None, None,
    2022). None when the text names neither a month nor a year."""
    t = fold(text)
    for m in _MONTH_YEAR.finditer(t):
        word = m.group(2)
        if word in _NOT_MONTH_WORDS:
            continue
        month = _strict_month(word) if m.group(3) is None else month_number(word)
        if not month:
            continue
        part = _PARTS.get(m.group(1) or "")
        year_text = m.group(3)
        if year_text is None:
            year = today.year if month <= today.month else today.year - 1
        elif year_text in ("vorig jaar", "verleden jaar", "afgelopen jaar"):
            year = today.year - 1
        elif year_text == "dit jaar":
            year = today.year
        else:
            year = int(year_text.lstrip("'")) + (2000 if year_text.startswith("'") else 0)
        return part, month, year
    m = _RELATIVE.search(t)
    if m and m.group(1):
        back = 0 if m.group(1) == "deze" else 1
        y, mo = divmod(today.year * 12 + today.month - 1 - back, 12)
        return None, mo + 1, y
    if m and m.group(2):
        return None, None, today.year if m.group(2) == "dit" else today.year - 1
    m = _YEAR.search(t)
    if m:
        part = _PARTS.get(m.group(1) or "")
        return part, None, int(m.group(2))
    return None


def describe_month(part: Optional[str], month: Optional[int], year: int) -> str:
    """"maart 2026", "begin maart 2026", "2025"."""
    words = [part] if part else []
    if month:
        words.append(MONTHS[month - 1])
    words.append(str(year))
    return " ".join(words)
