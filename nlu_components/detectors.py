"""Plain checks on a message's text that must not depend on a trained model.

Each returns True when the message certainly is of its kind. They are used by `overrides.IntentOverrides`:
safety first (nlu_components/safety.py: suicidal thoughts, self-harm, an emergency, threats, a medical worry), then
personal data, another language, a law reference, and a complaint date.
"""
from __future__ import annotations

import re

from bot import privacy


from nlu_components.safety import fold  # noqa: E402  one folding for every check


def _any(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


# --- safety: nlu_components/safety.py ---------------------------------------------------------------------------
from nlu_components.safety import emergency, medical_worry, self_harm, suicidal, threat  # noqa: E402,F401


# --- unreadable -----------------------------------------------------------------------------------------------
MAX_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]|\\u00[0-1][0-9a-f]|\\x[0-1][0-9a-f]")
# a word, an abbreviation ("wkkgz", "lmz") or a number, date or amount ("17", "12-02-2026", "25.000")
_WORDLIKE = re.compile(r"^(?:[a-z]{1,20}|[\d][\d.,:/-]{0,11})$")


def unreadable(text: str) -> bool:
    """Empty, far too long, control characters, or mostly strings that are no words (random or encoded data)."""
    if not text.strip() or len(text) > MAX_CHARS or _CONTROL.search(text):
        return True
    tokens = re.findall(r"\S+", text)
    words = [t for t in (re.sub(r"^\W+|\W+$", "", fold(t)) for t in tokens) if t]
    if not words:
        return True
    wordlike = [w for w in words if _WORDLIKE.match(w)]
    return len(wordlike) / len(words) < 0.5


# --- personal data -----------------------------------------------------------------------------------------
# One implementation for every channel: the gateway's scrubber (bot/privacy.py) also decides what counts here.
EMAIL = privacy.EMAIL
PUBLIC_NUMBERS = privacy.PUBLIC_NUMBERS


def personal_data(text: str) -> list[str]:
    """The kinds of personal data in the text: email, phone, bsn (eleven-test), iban (checksum)."""
    return privacy.scrub(text)[1]


# --- another language ----------------------------------------------------------------------------------------
ENGLISH = set("""the a an and can could my i i'm i've you your what how do does did have has with to for it be not
this that are were will would should about after before where when who why am from get got need please clinic
surgery surgeon doctor there they their if or on at by any which allowed sign gag clause complaint complain
rights abroad breast implant implants procedure cosmetic went wrong signed review is shall any agrees agree
refrain party parties must may treatment confidential disclose negative agreement third information regarding
undersigned""".split())
DUTCH = set("""de het een ik je jij mijn niet wat hoe van en kan mag voor met op dat er wel geen zijn heb is was
waar wie moet kliniek klacht als ook nog maar naar bij over om te die dit deze""".split())


def english(text: str) -> bool:
    words = re.findall(r"[a-z']+", fold(text))
    if len(words) < 3:
        return False
    en = sum(w in ENGLISH and w not in DUTCH for w in words)
    nl = sum(w in DUTCH and w not in ENGLISH for w in words)
    return en >= 2 and en > nl and en / len(words) >= 0.3


# --- guided help -------------------------------------------------------------------------------------------
LAW_REFERENCE = re.compile(r"\b(artikel|artikelen|art\.?|artkel|artiekel|artikle)\s*\d+")
MONTHS = r"(jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*"
DATE = re.compile(rf"\b\d{{1,2}}[-/.]\d{{1,2}}([-/.]\d{{2,4}})?\b|\b\d{{1,2}} {MONTHS}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b")
COMPLAINT_FILED = re.compile(r"\b(klacht|geklaagd|ingediend|klaagde|ingestuurd|gemaild)\b")


CONTRACT_WORDS = re.compile(r"\b(client|patient|opdrachtgever|partijen|partij|overeenkomst|verplicht|verbindt zich|"
                            r"onthoudt|onthouden|geheimhouding|vertrouwelijk|boete|zal|zullen|niet toegestaan)\b")


QUOTED = re.compile(r"[\"“”'‘’«»]([^\"“”'‘’«»]{20,})[\"“”'‘’«»]")
ABOUT_A_CLAUSE = re.compile(r"\b(beding|clausule|contract|overeenkomst|vaststellingsovereenkomst|afspraak)\b")


def pasted_clause(text: str) -> bool:
    """A piece of a contract pasted as it is (long, in contract words, no question to the assistant), or quoted
    in a message about a clause."""
    t = fold(text)
    if QUOTED.search(text) and ABOUT_A_CLAUSE.search(t):
        return True
    return len(t) > 80 and "?" not in t and len(CONTRACT_WORDS.findall(t)) >= 2


def law_reference(text: str) -> bool:
    return len(text) <= 120 and bool(LAW_REFERENCE.search(fold(text)))


def complaint_date(text: str) -> bool:
    """A complaint with a concrete date: the person wants the deadline dates."""
    t = fold(text)
    return bool(DATE.search(t) and COMPLAINT_FILED.search(t)) and not personal_data(text)
