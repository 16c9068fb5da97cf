"""A gag-clause check: the `clause_form`, the reading of a pasted clause, the verdict, and `action_clause_verdict`.

Slots (domain.yml, form `clause_form`, all `mappings: [{type: custom}]`, filled here by `validate_clause_form`):
  clause_text            the pasted clause (personal data replaced by a placeholder), or "onbekend"
  clause_dutch_provider  ja | nee | onbekend   (is the clinic or doctor in the Netherlands?)
  clause_agreed_after    ja | nee | onbekend   (agreed on or after 1 July 2023?)
Buttons send `/inform{"clause_dutch_provider": "ja"}` and `/inform{"clause_agreed_after": "nee"}`: entities named
like the slots.

The law: Wkkgz artikel 11.0a. Lid 2: a clause that limits or takes away the right to make information about an
incident public or to give it to a third party is void. Lid 3: not (a) as far as the clause carries out a legal rule
that asks for it, nor (b) for clauses agreed before the article came into force (1 July 2023). Providers abroad
do not fall under the Wkkgz (Kamervragen 2021Z09590, vraag 9). Confidentiality about other things than the
incident, like the amount of a settlement, stays allowed (facts.md). The verdict is never more certain than that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.complaint_route import read_answers
from actions.dates import InvalidDate, parse_dutch_date
from actions.form_answers import (base_intent, entity_value, fold, is_question, is_unknown, month_or_year,
                                  personal_data_note, redact_personal_data, should_skip)
from actions.intents import SKIP_INTENTS
from actions.knowledge import KAMERVRAGEN_URL, WKKGZ_URL, organisation
from nlu_components import detectors

CLAUSE_SLOTS = ("clause_text", "clause_dutch_provider", "clause_agreed_after")
ANSWERS = ("ja", "nee", "onbekend")
UNKNOWN = "onbekend"
IN_FORCE = date(2023, 7, 1)  # Wkkgz art. 11.0a, in force 1 July 2023 (facts.md)
MIN_CLAUSE, MAX_CLAUSE = 15, 2000

YES, NO, UNCLEAR = "yes", "no", "unclear"

# Sources, as the `Bron:` lines cite them.
SRC_LID2 = f"Wkkgz, artikel 11.0a lid 2 · {WKKGZ_URL}"
SRC_LID2_3 = f"Wkkgz, artikel 11.0a lid 2 en lid 3 · {WKKGZ_URL}"
SRC_LID3 = f"Wkkgz, artikel 11.0a lid 3 · {WKKGZ_URL}"
SRC_KV7 = f"Kamervragen 2021Z09590, vraag 7 · {KAMERVRAGEN_URL}"
SRC_KV9 = f"Kamervragen 2021Z09590, vraag 9 · {KAMERVRAGEN_URL}"
SRC_IN_FORCE = "Eerste Kamer · https://www.eerstekamer.nl/wetsvoorstel/35771_zwijgbedingen_in_jeugdzorg"
SRC_OTHER_MATTERS = ("Van Doorne · https://www.vandoorne.com/artikelen/verbod-op-zwijgcontracten-in-de-zorg-en-de-"
                     "invloed-van-zorgverleners-wettelijk-vastgelegd-in-de-wkkgz/")

# Messages while filling the form (B1; quality.readability).
NOTE_TOO_SHORT = "Dat is kort voor een beding. Plak de hele zin uit je contract."
NOTE_TOO_LONG = ("Dat is te lang. Plak alleen het beding over praten, delen of geheimhouding. "
                 "Dat is vaak één artikel of een paar zinnen.")
NOTE_NOT_UNDERSTOOD = "Ik begreep je antwoord niet. Kies een knop, of typ ja, nee of weet ik niet."

# ---------------------------------------------------------------------------------------------------------------
# Reading the clause


def _alternatives(*patterns: str) -> re.Pattern:
    return re.compile(r"(?<![a-z])(?:" + "|".join(patterns) + r")")


# Limits that are about information by their nature.
RESTRICT_INFO = _alternatives(
    r"geheimhoud\w*", r"geheim\b", r"geheim (?:te )?houden", r"vertrouwelijk\w*", r"zwijg\w*", r"stilzwijgen",
    r"uitlating\w*", r"discretie", r"onthoudt? (?:zich )?van", r"onthouden van")
# Prohibitions and limits in general: they count when the same sentence is about sharing.
RESTRICT = _alternatives(
    r"niet\b", r"geen\b", r"niets\b", r"niks\b", r"nooit\b", r"verbod\w*", r"verboden\b", r"onthoud\w*",
    r"onthouden\b", r"zonder (?:voorafgaande )?(?:schriftelijke )?(?:toestemming|goedkeuring)",
    r"(?:alleen|uitsluitend|slechts) (?:na|met) (?:voorafgaande )?(?:schriftelijke )?(?:toestemming|goedkeuring)",
    r"(?:alleen|uitsluitend|slechts) positie\w*", r"verwijder\w*", r"boete\w*", r"in te trekken", r"intrekken",
    r"offline")
# Sharing that concerns an incident by its nature (a review, the inspectorate, the press).
SHARE_STRONG = _alternatives(
    r"reviews?\b", r"recensie\w*", r"beoordeling\w*", r"sociale media", r"social media", r"socialmedia",
    r"instagram", r"facebook", r"tiktok", r"twitter", r"youtube", r"snapchat", r"pers\b", r"journalist\w*",
    r"media\b", r"nieuws\w*", r"inspectie\w*", r"igj\b", r"lmz\b", r"meldpunt\w*", r"melden\b", r"meldt\b",
    r"melding\w*", r"klacht\w* (?:in ?te dienen|indienen|in ?dienen)", r"klagen\b", r"ervaring\w*",
    r"negatie\w*", r"geschilleninstantie", r"geschillencommissie", r"tuchtcollege", r"tuchtklacht\w*",
    r"politie", r"aangifte")
# Sharing in general.
SHARE = _alternatives(
    r"publice\w*", r"gepubliceerd", r"openbaar\w*", r"delen\b", r"deelt\b", r"gedeeld\b", r"mede te delen",
    r"mededel\w*", r"bekendmak\w*", r"bekend (?:te )?maken", r"derden\b", r"derde\b", r"vertel\w*", r"praten\b",
    r"spreken\b", r"bespreken\b", r"zeggen\b", r"verstrek\w*", r"verschaff\w*", r"naar buiten", r"internet\w*",
    r"online\b", r"website\w*", r"forum\w*", r"blog\w*", r"posten\b", r"plaatsen\b", r"berichten\b",
    r"informatie\b", r"informeren\b", r"communic\w*")
# What happened in the care.
INCIDENT = _alternatives(
    r"behandeling\w*", r"ingreep", r"ingrepen", r"operatie\w*", r"geopereerd", r"resultaat\w*", r"uitkomst\w*",
    r"complicatie\w*", r"incident\w*", r"fout\w*", r"vergissing\w*", r"calamiteit\w*", r"schade\b", r"letsel\w*",
    r"klacht\w*", r"gebeurtenis\w*", r"voorval\w*", r"gang van zaken", r"wat er (?:is )?gebeurd", r"zorgverlening",
    r"nazorg", r"bijwerking\w*", r"kliniek\w*", r"arts\b", r"chirurg\w*", r"zorgaanbieder\w*", r"zorgverlener\w*",
    r"behandelaar\w*", r"ziekenhuis\w*", r"praktijk\b", r"medewerker\w*", r"ingreep\w*", r"litteken\w*",
    r"implantaat\w*", r"implantaten")
# Other matters: the money, the agreement itself.
SETTLEMENT = _alternatives(
    r"bedrag\w*", r"hoogte van de (?:schade)?vergoeding", r"(?:schade)?vergoeding\w*", r"schikking\w*",
    r"financi\w*", r"betaling\w*", r"prijs\w*", r"tarie\w*", r"korting\w*", r"geldsom",
    r"inhoud van (?:deze|de|dit|die) (?:vaststellings)?(?:overeenkomst|contract|schikking|regeling)",
    r"(?:voorwaarden|bepalingen) van (?:deze|de|dit) (?:vaststellings)?(?:overeenkomst|contract)",
    r"bestaan van (?:deze|de|dit) (?:vaststellings)?(?:overeenkomst|contract)")
# "Cliënt zal hierover niets zeggen" after a sentence about the operation.
REFERENCE = _alternatives(r"hierover", r"daarover", r"hiervan", r"daarvan", r"deze kwestie", r"deze zaak",
                          r"de zaak\b", r"het geschil", r"dit geschil", r"het voorgaande", r"bovenstaande")
# The provider keeping your data private: no limit on you.
PROVIDER_SUBJECT = re.compile(r"^(?:\W*)(?:de |het )?(?:kliniek|arts|zorgaanbieder|zorgverlener|behandelaar|"
                              r"chirurg|praktijk|ziekenhuis|wij|we|opdrachtnemer)\b")
PRIVACY = _alternatives(r"gegevens\b", r"persoonsgegevens", r"dossier\w*", r"privacy", r"beroepsgeheim",
                        r"foto\W?s\b", r"beeldmateriaal", r"informatie over (?:u|cli[e]nt|patient|de cli[e]nt)\b")
# A legal rule the clause says it carries out (art. 11.0a lid 3 onder a).
LEGAL_RULE = _alternatives(r"wettelijk\w* (?:voorschrift|plicht|verplichting|regel|bepaling)\w*",
                           r"op grond van de wet", r"krachtens de wet", r"volgens de wet", r"tenzij de wet",
                           r"wet bescherming", r"avg\b", r"beroepsgeheim", r"wgbo\b", r"de wet verplicht")

CLAUSE_VOCABULARY = {"client", "patient", "partijen", "kliniek", "arts", "behandeling", "geheimhouding", "beding",
                     "overeenkomst", "mag", "zal", "niets", "geheim", "vertrouwelijk", "review", "verplicht"}
DUTCH_WORDS = {"de", "het", "een", "en", "van", "niet", "geen", "zal", "zich", "over", "met", "op", "te", "is",
               "cliënt", "client", "patiënt", "patient", "dat", "die", "aan", "in", "voor", "of", "zijn", "wordt"}


@dataclass(frozen=True)
class ClauseAnalysis:
    """What a clause says, as far as plain reading goes.

    restricts_incident_info: "yes" (limits or takes away the right to make information about an incident public or
      give it to a third party, art. 11.0a lid 2), "no", or "unclear".
    triggers: the phrases that decided it.
    about_settlement_only: the clause keeps only other things secret, like the amount or the agreement itself.
    reason: "incident" | "settlement" | "privacy" | "no_limit" | "subject" | "language" | "unreadable" | "empty".
    legal_rule: the clause names a legal rule it may carry out (art. 11.0a lid 3 onder a).
    """
    restricts_incident_info: str
    triggers: Tuple[str, ...] = ()
    about_settlement_only: bool = False
    reason: str = ""
    legal_rule: bool = False


def _hits(pattern: re.Pattern, text: str) -> List[str]:
    return [m.group(0).strip() for m in pattern.finditer(text)]


def _sentences(text: str) -> List[str]:
    parts = re.split(r"(?<=[.;!?])\s+|\n+|\s+(?=\b[a-z]\.\s)|\s+(?=\d+\.\s)", text)
    return [p.strip() for p in parts if p and re.search(r"[a-z]", p)]


def _unique(items: List[str]) -> Tuple[str, ...]:
    out: List[str] = []
    for item in items:
        if item and not any(item in earlier for earlier in out):
            out.append(item)
    return tuple(out)


def analyse_clause(text: str) -> ClauseAnalysis:
    """Whether a clause limits the right to tell about an incident (art. 11.0a lid 2), by plain reading."""
    raw = (text or "").strip()
    t = fold(raw).replace("'", "")
    if raw.lower() == UNKNOWN or len(re.findall(r"[a-z]{2,}", t)) < 3 or detectors.unreadable(raw):
        return ClauseAnalysis(UNCLEAR, reason="empty")
    if detectors.english(raw):
        return ClauseAnalysis(UNCLEAR, reason="language")
    if not any(w in DUTCH_WORDS or w in CLAUSE_VOCABULARY for w in re.findall(r"[a-z]+", t)):
        return ClauseAnalysis(UNCLEAR, reason="unreadable")
    legal_rule = bool(LEGAL_RULE.search(t))

    limited: List[Tuple[str, List[str]]] = []  # sentences that limit sharing, with what limits
    for sentence in _sentences(t):
        info = _hits(RESTRICT_INFO, sentence)
        general = _hits(RESTRICT, sentence)
        sharing = _hits(SHARE_STRONG, sentence) + _hits(SHARE, sentence)
        if info or (general and sharing):
            limited.append((sentence, info + (general if sharing else []) + sharing))
    if not limited:
        return ClauseAnalysis(NO, reason="no_limit", legal_rule=legal_rule)

    incident_anywhere = bool(INCIDENT.search(t))
    incident, settlement, privacy, unclear = [], [], [], []
    for sentence, limits in limited:
        money = _hits(SETTLEMENT, sentence)
        rest = _without_money(sentence) if money else sentence
        about = _hits(INCIDENT, rest) + _hits(SHARE_STRONG, rest)
        if PROVIDER_SUBJECT.search(sentence) and PRIVACY.search(sentence) and not _hits(SHARE_STRONG, sentence):
            privacy.append(limits + _hits(PRIVACY, sentence))
        elif about:
            incident.append(limits + about)
        elif money:
            settlement.append(limits + money)
        elif incident_anywhere and REFERENCE.search(sentence):
            incident.append(limits + _hits(REFERENCE, sentence) + _hits(INCIDENT, t))
        else:
            unclear.append(limits)
    if incident:
        return ClauseAnalysis(YES, _unique([w for ws in incident for w in ws]), reason="incident",
                              legal_rule=legal_rule)
    if unclear:
        return ClauseAnalysis(UNCLEAR, _unique([w for ws in unclear for w in ws]), reason="subject",
                              legal_rule=legal_rule)
    if settlement:
        return ClauseAnalysis(NO, _unique([w for ws in settlement for w in ws]), about_settlement_only=True,
                              reason="settlement", legal_rule=legal_rule)
    return ClauseAnalysis(NO, _unique([w for ws in privacy for w in ws]), reason="privacy", legal_rule=legal_rule)


_MONEY_PHRASE_END = re.compile(r"\s(?:en|of|alsmede|noch|evenals|maar)\s|[,;:.]|" + RESTRICT_INFO.pattern + "|"
                               + RESTRICT.pattern)


def _without_money(sentence: str) -> str:
    """The sentence without the phrases about money or the agreement itself ("het bedrag van de schikking over de
    behandeling" is about the amount, not about the treatment), up to the next "en"/"of" or limiting word."""
    out, pos = [], 0
    for m in SETTLEMENT.finditer(sentence):
        if m.start() < pos:
            continue
        out.append(sentence[pos:m.start()])
        end = _MONEY_PHRASE_END.search(sentence, m.end())
        pos = end.start() if end else len(sentence)
    out.append(sentence[pos:])
    return " ".join(out)


# ---------------------------------------------------------------------------------------------------------------
# The verdict

def _message(body: str, *sources: str) -> str:
    return f"{body}\n\nBron: {'; '.join(sources)}"


def _lmz_message() -> str:
    lmz = organisation("lmz")
    return _message(
        "Dit is algemene informatie. Het is geen juridisch advies over jouw zaak. "
        f"Wil je advies? Bel het Landelijk Meldpunt Zorg (LMZ): {lmz.phone}. "
        "Dat kan op werkdagen van 9:00 tot 17:00 uur. Je mag anoniem bellen.",
        lmz.source.cite())


def _words(analysis: ClauseAnalysis) -> str:
    shown = [w for w in analysis.triggers[:5]]
    return ", ".join(shown)


def _void_means(conditional: bool) -> str:
    lead = "Is het beding nietig? Dan geldt het niet." if conditional else "Een nietig beding geldt niet."
    return _message(
        f"{lead} Je mag dan toch vertellen wat er gebeurde. Bijvoorbeeld aan de inspectie (IGJ) of het "
        "Landelijk Meldpunt Zorg (LMZ). Je mag ook een eerlijke review schrijven over je ervaring. "
        "Houd je daarbij aan de feiten. De IGJ kan optreden tegen zwijgbedingen.",
        SRC_LID2, SRC_KV7)


def _legal_rule_sentence(analysis: ClauseAnalysis) -> str:
    if analysis.legal_rule:
        return ("Het beding noemt zelf een regel uit de wet. Voert het beding zo'n regel uit? "
                "Dan is het niet nietig.")
    return "Er is één uitzondering. Voert het beding een regel uit de wet uit? Dan is het niet nietig."


def verdict(analysis: ClauseAnalysis, dutch_provider: Optional[str], agreed_after: Optional[str]) -> List[str]:
    """The messages about a clause: "Heel waarschijnlijk nietig", "Valt er niet onder, omdat …" or
    "Onduidelijk, omdat …", each with what follows from it and its `Bron:` line, and a last message that this is
    general information (LMZ for advice). `dutch_provider` and `agreed_after` are "ja", "nee" or "onbekend"."""
    provider = dutch_provider if dutch_provider in ANSWERS else UNKNOWN
    agreed = agreed_after if agreed_after in ANSWERS else UNKNOWN
    outcome = analysis.restricts_incident_info

    if provider == "nee":
        body = ("Valt er niet onder, omdat de kliniek in het buitenland zit. Het verbod op zwijgbedingen staat in "
                "de Wkkgz. Dat is een Nederlandse wet. Zorgaanbieders in het buitenland vallen daar niet onder. "
                "Of het beding geldt, hangt af van de regels van dat land.")
        if outcome != NO:
            body += (" Staat hetzelfde beding in een contract met een arts in Nederland? "
                     "Bijvoorbeeld voor de nazorg? Dan geldt de Nederlandse wet wel.")
        return [_message(body, SRC_KV9, SRC_LID2), _lmz_message()]

    if agreed == "nee":
        body = ("Valt er niet onder, omdat je het beding voor 1 juli 2023 afsprak. Het verbod op zwijgbedingen "
                "geldt sinds 1 juli 2023. Het werkt niet terug. Een beding van daarvoor is dus niet nietig door "
                "deze regel.")
        messages = [_message(body, SRC_LID3, SRC_IN_FORCE)]
        if outcome != NO:
            messages.append(_message(
                "Toch vindt de minister zwijgcontracten niet goed. Als er over fouten wordt gezwegen, kan niemand "
                "ervan leren. De inspectie (IGJ) kan optreden tegen zwijgbedingen. Je kunt zo'n beding melden bij "
                "het Landelijk Meldpunt Zorg (LMZ).", SRC_KV7))
        return messages + [_lmz_message()]

    if outcome == NO:
        if analysis.about_settlement_only:
            body = ("Valt er niet onder, omdat het beding over iets anders gaat dan het incident. Bijvoorbeeld over "
                    "het bedrag van een schikking, of over de inhoud van de overeenkomst. Zo'n afspraak mag. "
                    "Let op: over het incident zelf mag een beding je niet laten zwijgen. Dat geldt bij een "
                    "kliniek in Nederland, voor afspraken vanaf 1 juli 2023.")
            return [_message(body, SRC_OTHER_MATTERS, SRC_LID2_3), _lmz_message()]
        if analysis.reason == "privacy":
            body = ("Valt er niet onder, omdat dit beding jou niet beperkt. Het gaat over wat de kliniek geheim "
                    "moet houden, zoals jouw gegevens. Dat beschermt jouw privacy. Het verbiedt jou niet om over je "
                    "behandeling te praten. Volgt de plicht van de kliniek uit de wet? Dan is het beding ook niet nietig.")
            return [_message(body, SRC_LID2_3), _lmz_message()]
        body = ("Valt er niet onder, omdat ik in dit beding geen verbod zie om over een incident te praten. "
                "Het verbod op zwijgbedingen gaat alleen over zo'n verbod. Lees je het anders? "
                "Of staat er elders in je contract meer? Kijk dan ook naar die tekst.")
        return [_message(body, SRC_LID2), _lmz_message()]

    if outcome == YES and provider == "ja" and agreed == "ja" and not analysis.legal_rule:
        body = ("Heel waarschijnlijk nietig. Dit beding beperkt je recht om te vertellen over een incident. "
                "Denk aan je behandeling, een fout of een complicatie. "
                f"Ik let op deze woorden: {_words(analysis)}. "
                "De kliniek zit in Nederland. En je sprak het beding af op of na 1 juli 2023. "
                "Zo'n beding is dan nietig. Het geldt dus niet. " + _legal_rule_sentence(analysis))
        return [_message(body, SRC_LID2_3), _void_means(conditional=False), _lmz_message()]

    reasons: List[Tuple[str, str]] = []  # (after "omdat", as a sentence of its own)
    if analysis.reason == "empty":
        reasons.append(("ik de tekst van het beding niet ken", "Ik ken de tekst van het beding niet."))
    elif analysis.reason == "unreadable":
        reasons.append(("ik de tekst niet goed kan lezen", "Ik kan de tekst niet goed lezen."))
    elif analysis.reason == "language":
        reasons.append(("de tekst niet in het Nederlands is. Die kan ik niet goed lezen",
                        "De tekst is niet in het Nederlands."))
    elif outcome == UNCLEAR:
        reasons.append(("ik niet goed zie waarover je moet zwijgen", "Ik zie niet goed waarover je moet zwijgen."))
    if outcome == YES and analysis.legal_rule:
        reasons.append(("het beding een regel uit de wet noemt", "Het beding noemt een regel uit de wet."))
    if provider == UNKNOWN:
        reasons.append(("ik niet weet of de kliniek in Nederland zit",
                        "Ik weet ook niet of de kliniek in Nederland zit."))
    if agreed == UNKNOWN:
        reasons.append(("ik niet weet wanneer je het beding afsprak",
                        "Ik weet ook niet wanneer je het beding afsprak."))

    checks: List[str] = []
    sources = [SRC_LID2_3]
    if outcome == YES:
        checks.append(f"- Het beding beperkt je wel om te vertellen over een incident. Ik let op: {_words(analysis)}.")
    else:
        checks.append("- Verbiedt het beding je om te vertellen over je behandeling, een fout of een complicatie? "
                      "Of om dat te melden, of er een review over te schrijven? Dan valt het er wel onder. "
                      "Gaat het alleen over het bedrag van een schikking? Dan niet.")
    if provider == UNKNOWN:
        checks.append("- Zit de kliniek in Nederland? Kijk op je contract of je rekening. "
                      "Alleen dan geldt de Nederlandse wet.")
        sources.append(SRC_KV9)
    if agreed == UNKNOWN:
        checks.append("- Sprak je het beding af op of na 1 juli 2023? Kijk naar de datum op je contract. "
                      "Een beding van daarvoor valt er niet onder.")
    checks.append("- " + _legal_rule_sentence(analysis))

    first = " ".join([f"Onduidelijk, omdat {reasons[0][0]}."] + [own for _, own in reasons[1:]])
    body = first + "\nDit maakt het verschil:\n" + "\n".join(checks)
    return [_message(body, *sources), _void_means(conditional=True), _lmz_message()]


# ---------------------------------------------------------------------------------------------------------------
# Reading the answers in the form

_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{15,})[\"“”„«»]|(?<![\w])['‘’]([^'‘’]{15,}?)['‘’](?![\w])")
_CLAUSE_WORDS = re.compile(r"(?<![a-z])(?:client|patient|partijen|ondergetekende|opdrachtgever|zorgaanbieder|"
                           r"behandelaar|verplicht zich|verbindt zich|zal|zullen|onthoudt|onthouden|overeenkomst|"
                           r"niet toegestaan|verboden|geheimhouding|vertrouwelijk|uitlatingen|is gehouden)")
_FIRST_PERSON = re.compile(r"(?<![a-z])(?:ik|mijn|me|mij|mn|m'n)(?![a-z])")
_NO_TEXT = re.compile(r"\b(?:heb (?:\w+ ){0,3}niet(?: meer)?|kan (?:\w+ ){0,3}niet vinden|geen (?:contract|kopie|tekst)|"
                      r"niet (?:meer )?bij de hand|kwijt|kwijtgeraakt|weet ik niet meer precies)\b")


def _looks_like_clause(text: str) -> bool:
    t = fold(text)
    return bool(_CLAUSE_WORDS.search(t)) and len(_FIRST_PERSON.findall(t)) <= 1 and not is_question(text)


def embedded_clause(text: str) -> Optional[str]:
    """The clause inside a message that also says something else: the text in quotes ('klopt dit beding: "…"'),
    or the text after a short lead-in and a colon ("dit staat in mijn contract: cliënt onthoudt zich …")."""
    text = text or ""
    quoted = [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)]
    quoted = [q.strip() for q in quoted if q and len(q.strip()) >= MIN_CLAUSE]
    if quoted:
        return " ".join(quoted)
    lead, colon, rest = text.partition(":")
    if colon and len(rest.strip()) >= MIN_CLAUSE and len(lead.split()) <= 12:
        return rest.strip()
    return None


def clause_from_first_message(text: str) -> Optional[str]:
    """The clause when the message that starts the form contains it: in quotes, after a colon, or a message of
    more than about 80 characters that reads like a clause, not like a question or a story."""
    found = embedded_clause(text)
    if found:
        return found
    if len((text or "").strip()) > 80 and _looks_like_clause(text):
        return text.strip()
    return None


_BARE_YES = re.compile(r"^(?:ja+|jep|jazeker|yes|klopt|zeker|ja hoor|ja zeker|jawel|inderdaad|correct)\W*$")
_BARE_NO = re.compile(r"^(?:nee+|neen|nope|no|nee hoor|nee zeker niet|zeker niet|niet)\W*$")


def read_dutch_provider(text: str) -> Optional[str]:
    """ja / nee / onbekend for "Zit de kliniek of de arts in Nederland?"; None when the text does not say."""
    t = fold(text)
    if is_unknown(t):
        return UNKNOWN
    if _BARE_YES.match(t):
        return "ja"
    if _BARE_NO.match(t):
        return "nee"
    place = read_answers(text, "route_place").get("route_place")
    if place == "nederland":
        return "ja"
    if place == "buitenland":
        return "nee"
    if place == "onbekend":
        return UNKNOWN
    if re.search(r"\b(?:nederlands|nederlandse|hollands|hollandse)\b", t):
        return "ja"
    return None


_BEFORE = re.compile(r"\b(?:voor|voordat|eerder dan|uiterlijk)\s+(?:1\s+)?juli\s+2023\b|\b(?:daarvoor|ervoor|"
                     r"eerder|daarvoor al|al eerder|voor die datum|voor die tijd|voor de zomer van 2023)\b")
_AFTER = re.compile(r"\b(?:op of na|na|vanaf|sinds|later dan)\s+(?:1\s+)?juli\s+2023\b|\b(?:daarna|erna|later|"
                    r"nadien|na die datum|pas later|onlangs|recent|kort geleden|net)\b")
_NOT_YET = re.compile(r"\b(?:nog niet (?:ge|onder)tekend|nog (?:moet|moeten) tekenen|moet (?:het |hem )?nog tekenen|"
                      r"nog tekenen|ga (?:het |hem )?tekenen|gaan tekenen|wil(?:len)? dat ik (?:het |hem )?teken|"
                      r"niet getekend|nog niks getekend|nog niets getekend)\b")


def read_agreed_after(text: str, today: date) -> Optional[str]:
    """ja (on or after 1 July 2023, or not yet signed) / nee (before) / onbekend for the date the clause was
    agreed; a date, a month or a year is compared with 1 July 2023. None when the text does not say."""
    t = fold(text)
    if is_unknown(t) or re.search(r"\b(?:lang geleden|jaren geleden|een tijd geleden|weet ik niet)\b", t):
        return UNKNOWN
    if _NOT_YET.search(t):
        return "ja"  # a clause agreed from now on falls under the ban
    if _BEFORE.search(t):
        return "nee"
    if _AFTER.search(t):
        return "ja"
    if _BARE_YES.match(t):
        return "ja"
    if _BARE_NO.match(t):
        return "nee"
    try:
        found = parse_dutch_date(text, today)
    except InvalidDate:
        found = None
    if found is not None:
        return "ja" if found >= IN_FORCE else "nee"
    rough = month_or_year(text, today)
    if rough is not None:
        part, month, year = rough
        if year != IN_FORCE.year:
            return "ja" if year > IN_FORCE.year else "nee"
        if month:
            return "ja" if month >= IN_FORCE.month else "nee"
        return {"begin": "nee", "eind": "ja"}.get(part or "", UNKNOWN)
    return None


def clause_answer(message: Optional[Dict[str, Any]], requested_slot: Optional[str],
                  today: date) -> Tuple[Dict[str, Any], List[str]]:
    """({slot: value}, notes) for one user message (a tracker's `latest_message`) in the clause form.

    When the form starts (nothing asked yet) only a clause the first message contains is read. Otherwise only the
    slot that was asked for: from the button entity of the same name, else from the text. ({}, []) leaves the
    message to the rules; ({slot: None}, [why]) asks again."""
    message = message or {}
    text = (message.get("text") or "").strip()
    intent = base_intent(message)
    if intent in SKIP_INTENTS or text.startswith("/") and not message.get("entities"):
        return {}, []

    if requested_slot is None:
        found = clause_from_first_message(text) if not text.startswith("/") else None
        if not found:
            return {}, []
        return _clause_value(found)

    if requested_slot == "clause_text":
        if text.startswith("/"):
            return {}, []
        found = embedded_clause(text)
        if found:
            return _clause_value(found)
        if should_skip(intent, text):
            return {}, []
        if is_unknown(text) or (len(text.split()) <= 10 and _NO_TEXT.search(fold(text))):
            return {"clause_text": UNKNOWN}, []
        if is_question(text):
            return {"clause_text": None}, []
        if len(text) < MIN_CLAUSE:
            return {"clause_text": None}, [NOTE_TOO_SHORT]
        return _clause_value(text)

    if requested_slot in ("clause_dutch_provider", "clause_agreed_after"):
        button = entity_value(message, requested_slot, ANSWERS)
        if button:
            return {requested_slot: button}, []
        if text.startswith("/") or should_skip(intent, text):
            return {}, []
        if requested_slot == "clause_dutch_provider":
            value = read_dutch_provider(text)
        else:
            value = read_agreed_after(text, today)
        if value:
            return {requested_slot: value}, []
        return {requested_slot: None}, [NOTE_NOT_UNDERSTOOD]
    return {}, []


def _clause_value(text: str) -> Tuple[Dict[str, Any], List[str]]:
    if len(text) > MAX_CLAUSE:
        return {"clause_text": None}, [NOTE_TOO_LONG]
    clean, kinds = redact_personal_data(text)
    return {"clause_text": clean}, ([personal_data_note(kinds, "de check")] if kinds else [])


# ---------------------------------------------------------------------------------------------------------------
# The actions

def questions_needed(slots: List[Text], dutch_provider: Optional[str]) -> List[Text]:
    if dutch_provider == "nee":
        return [s for s in slots if s != "clause_agreed_after"]
    return list(slots)


class ValidateClauseForm(FormValidationAction):
    """Reads the clause (also from the message that starts the form) and the two questions about it."""

    def name(self) -> Text:
        return "validate_clause_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        """A clause with a provider abroad is not covered whatever its date: the date is not asked."""
        return questions_needed(domain_slots, tracker.get_slot("clause_dutch_provider"))

    def _one(self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        # the form starts: a clause may stand in the first message
        starting = requested is None and slot == "clause_text" and tracker.get_slot("clause_text") is None
        if requested != slot and not starting:
            return {}
        values, notes = clause_answer(tracker.latest_message, requested, date.today())
        for note in notes:
            dispatcher.utter_message(text=note)
        return values

    async def extract_clause_text(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "clause_text")

    async def extract_clause_dutch_provider(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                            domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "clause_dutch_provider")

    async def extract_clause_agreed_after(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> Dict[Text, Any]:
        return self._one(dispatcher, tracker, "clause_agreed_after")


class ActionClauseVerdict(Action):
    """Sends the verdict on the clause in the slots, then empties the clause slots."""

    def name(self) -> Text:
        return "action_clause_verdict"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        analysis = analyse_clause(tracker.get_slot("clause_text") or "")
        for message in verdict(analysis, tracker.get_slot("clause_dutch_provider"),
                               tracker.get_slot("clause_agreed_after")):
            dispatcher.utter_message(text=message)
        return [SlotSet(name, None) for name in CLAUSE_SLOTS]
