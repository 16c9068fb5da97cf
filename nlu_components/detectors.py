"""Plain checks on a message's text that must not depend on a trained model.

Each returns True when the message certainly is of its kind. They are used by `overrides.IntentOverrides`:
safety first (suicidal thoughts, an emergency, threats), then personal data, another language, a law reference,
and a complaint date.
"""
from __future__ import annotations

import re
import unicodedata

from bot import privacy


def fold(text: str) -> str:
    """Lower case, accents off, one space between words."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", text).strip()


def _any(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


# --- safety ------------------------------------------------------------------------------------------------
SUICIDAL = [
    r"\bzelfmoord", r"\bsu[iï]?cid", r"\bniet meer (willen )?leven", r"\bwil(de)? (gewoon |liever )?dood\b",
    r"\bdood (wil|willen|zijn)\b", r"\b(een )?eind(e)? aan (mijn leven |het leven )?(maken|te maken)",
    r"\bmezelf (iets )?(aan ?doen|van kant|ophangen|van het leven)", r"\bvan het leven beroven",
    r"\bniet meer (hier )?willen zijn\b", r"\bwil er niet meer zijn\b", r"\bals ik er niet meer (was|ben|zou zijn)\b", r"\bmijn leven (be)?eindigen",
    r"\bzie het (allemaal )?niet (meer )?zitten\b", r"\bleven (heeft|had) geen zin\b", r"\bgeen zin (meer )?in (het|mijn) leven\b",
    r"\b(kan|wil) (zo )?niet (meer )?verder leven\b", r"\bwil (gewoon )?verdwijnen\b", r"\bwil\b.*\bdood\b",
    r"\bmezelf (iets )?(pijn|wat) (te )?doen\b", r"\bmezelf (iets )?aan te doen\b", r"\blevensmoe\b",
]
EMERGENCY = [
    r"\bbloed(t|en|ing|ingen)?\b.*\b(heel|erg|veel|hevig|stopt niet|houdt niet op|blijft|niet te stoppen)",
    r"\b(heel|erg|veel|hevig)\b.*\bbloed(t|en|ing)?\b",
    r"\b(slecht|moeilijk|geen|nauwelijks|amper)\b (meer )?(adem|ademen|lucht)\b", r"\bkan (bijna )?niet (goed )?ademen",
    r"\bbenauwd", r"\bkortademig", r"\bpijn op (de|mijn|me|m'n|mn) borst\b", r"\bhoge koorts\b",
    r"\bkoorts\b.*\b(39|40|41|rillingen|hoog)", r"\b(39|40|41)([.,]\d)? ?graden\b",
    r"\bflauw ?(gevallen|vallen|te vallen|viel)\b", r"\bbewusteloos", r"\bbuiten bewustzijn",
    r"\b(lippen|gezicht) (wordt|worden|is|zijn|word) blauw", r"\bkeel (zwelt|dik|zit dicht)",
    r"\bkan (bijna )?niet (meer )?slikken", r"\bnoodgeval",
    r"\bkan (bijna|haast|amper|nauwelijks) (niet )?(adem|ademen|ademmen)\b", r"\bkan niet (goed )?ademmen",
    r"\b(moeilijk|slecht) (slikken|ademen)\b", r"\b(zwelt|zwellen) (op|dicht)\b.*\b(slikken|ademen|lucht|keel)",
    r"\b(duizelig|licht in (mijn|m'n|het) hoofd)\b.*\bflauw", r"\bval (bijna )?flauw\b",
    r"\bhoge koors\b", r"\bkoorts\b.*\b(wond|rood|ontstoken|pus)\b", r"\b(wond|rood|ontstoken|pus)\b.*\bkoorts\b",
    r"\b(lip|lippen|huid|neus|wang)\b.*\b(wit|blauw|grauw)\b.*\b(pijn|koud)\b",
    r"\bspoed\b", r"\b112\b", r"\bambulance\b", r"\b(nu|direct|meteen|dringend) hulp nodig\b",
    r"\bgaat (heel |erg |echt )?slecht met me\b",
    r"\bzie (ineens |opeens |nu )?(slecht|wazig|niets|dubbel)\b.*\b(filler|behandeling|injectie|botox|operatie)",
    r"\b(been|kuit)\b.*\b(dik|opgezwollen)\b.*\b(pijn|pijnlijk)\b",
]
THREAT = [r"\bbedreig", r"\bdreig(t|en|de|den|ement|berichten|bericht)\b", r"\bdreig ?bericht", r"\bdreigend", r"\bintimid",
          r"\bgeintimideerd\b", r"\bgestalkt\b", r"\bstalk(t|en|ing)\b", r"\b(iets|wat) aandoen\b",
          r"\bvoel me (heel |erg |niet )?(onveilig|bedreigd)\b", r"\bzorg (ik )?(er ?voor )?dat je stopt\b",
          # threats that don't say so: "hij weet waar ik woon", "we komen je halen", "je gaat er spijt van krijgen"
          r"\b(weet|weten) (\w+ )?waar (ik|je|jij|u|mijn \w+) (woon|woont|wonen|werk|werkt)\b",
          r"\b(ik|we|wij) (kom|komen) (je|jou|u) (halen|opzoeken|pakken)\b",
          r"\b(in elkaar|kapot) (te )?(laten )?(slaan|maken)\b", r"\b(je|jij|u) (gaat|zult|zal) (er )?spijt (van )?krijgen\b"]
NOT_A_THREAT = [r"\brechtszaak", r"\brechter\b", r"\badvocaat", r"\bboete", r"\bschadeclaim", r"\bdreigt te\b"]


def suicidal(text: str) -> bool:
    return _any(SUICIDAL, fold(text))


def emergency(text: str) -> bool:
    return _any(EMERGENCY, fold(text))


def threat(text: str) -> bool:
    t = fold(text)
    return _any(THREAT, t) and not _any(NOT_A_THREAT, t)


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
