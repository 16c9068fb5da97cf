"""Removes personal data from a message before it leaves the gateway.

`scrub(text)` returns the text with every e-mail address, IBAN, BSN and phone number replaced by a placeholder,
and the kinds it found. Numbers are checked, not guessed: a BSN must pass the eleven-test (stdnum.nl.bsn), an
IBAN its checksum (stdnum.iban), a phone number must be a valid number to `phonenumbers` (region NL, so
"06-12345678" and "+31 6 12345678" both count). Public numbers of organisations stay: the Landelijk Meldpunt Zorg
(088 1205020), 113 Zelfmoordpreventie (113, 0800 0113), the police (112, 0900 8844).

Order matters: e-mail first (it may hold digits), then IBAN (it holds digit groups), then BSN (nine digits, which
are never a valid Dutch phone number), then phone numbers.
"""
from __future__ import annotations

import re

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

PLACEHOLDERS = {
    "email": "[e-mailadres]",
    "iban": "[iban]",
    "bsn": "[bsn]",
    "phone": "[telefoonnummer]",
}

# National numbers (country code 31) of organisations; also the short numbers, should a parser ever match them.
PUBLIC_NUMBERS = frozenset({881205020, 8000113, 9008844, 112, 113})

# The assistant's answer when a message carried personal data (domain.yml: utter_share_personal_data). Rasa no
# longer sees the data, so the gateway gives this answer itself; a test keeps the two texts the same.
PRIVACY_REPLY = (
    "Je hoeft geen persoonlijke gegevens te delen, zoals je e-mailadres, telefoonnummer, BSN of rekeningnummer.\n"
    "Ik heb ze niet nodig. Ik stuur ook geen e-mail of sms. Stel je vraag gerust zonder die gegevens."
)

# --- e-mail ---------------------------------------------------------------------------------------------------
# Local part: the usual characters, dots only between them. "@" may be written "(at)" or "[at]".
# Domain: labels of letters, digits and inner hyphens, and a top-level domain of letters.
_LOCAL = r"[^\W_](?:[\w%+\-]|\.(?=[\w%+\-]))*"
_AT = r"(?:\s*@\s*|\s*[\(\[\{]\s*(?:at|apenstaartje)\s*[\)\]\}]\s*)"
_LABEL = r"[^\W_](?:[\w\-]{0,61}[^\W_])?"
EMAIL = re.compile(rf"(?<![\w.%+\-]){_LOCAL}{_AT}(?:{_LABEL}\.)+[^\W\d_]{{2,24}}(?![\w\-]|\.[^\W_])", re.I)

# --- IBAN -------------------------------------------------------------------------------------------------------
# A start (country code and check digits) and the letters, digits and single spaces that may follow; the
# longest stretch that ends on a word boundary and passes the checksum is taken.
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-.]?[A-Za-z0-9]){11,32}")

# --- BSN --------------------------------------------------------------------------------------------------------
# Nine digits, together or grouped 4-2-3 or 3-3-3 with dots or spaces; not part of a longer number or date.
BSN = re.compile(r"(?<![\w.\-/,])(?:\d{9}|\d{4}([. ])\d{2}\1\d{3}|\d{3}([. ])\d{3}\2\d{3})(?![\w\-/]|[.,]\d)")


def _replace_spans(text: str, spans: list[tuple[int, int]], placeholder: str) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + placeholder + text[end:]
    return text


def _email_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in EMAIL.finditer(text)]


def _iban_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while (m := _IBAN_START.search(text, pos)) is not None:
        start, found = m.start(), None
        for end in range(m.end(), m.start() + 15, -1):
            if text[end - 1].isalnum() and not (end < len(text) and text[end].isalnum()):
                if stdnum_iban.is_valid(re.sub(r"[ \-.]", "", text[start:end])):
                    found = end
                    break
        if found:
            spans.append((start, found))
            pos = found
        else:
            pos = start + 1
    return spans


def _bsn_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in BSN.finditer(text) if stdnum_bsn.is_valid(re.sub(r"\D", "", m.group()))]


def _is_public(number: phonenumbers.PhoneNumber) -> bool:
    return number.country_code == 31 and number.national_number in PUBLIC_NUMBERS


def _phone_spans(text: str) -> list[tuple[int, int]]:
    matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    return [(m.start, m.end) for m in matcher if not _is_public(m.number)]


_FINDERS = (("email", _email_spans), ("iban", _iban_spans), ("bsn", _bsn_spans), ("phone", _phone_spans))


def spans(text: str) -> list[tuple[int, int, str]]:
    """Where the personal data is: (start, end, kind) of each find in the text as it is (they may overlap)."""
    return [(start, end, kind) for kind, find in _FINDERS for start, end in find(text)]


def scrub(text: str) -> tuple[str, list[str]]:
    """The text with personal data replaced by placeholders, and the kinds found (in the order e-mail, iban,
    bsn, phone; each kind once)."""
    kinds = []
    for kind, find in _FINDERS:
        spans = find(text)
        if spans:
            text = _replace_spans(text, spans, PLACEHOLDERS[kind])
            kinds.append(kind)
    return text, kinds
