"""Dutch dates: reading them from what people type, writing them out, and the deadlines of a complaint.

Pure functions only; `today` is always passed in, so tests can fix it.
"""
from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from datetime import date, timedelta
from typing import Dict, Optional, Tuple

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Abbreviations and common misspellings; anything else is matched by similarity when that is unambiguous.
_MONTH_WORDS = {
    "jan": 1, "januarie": 1, "janurai": 1, "januar": 1, "jannuari": 1, "january": 1,
    "feb": 2, "febr": 2, "februarie": 2, "febuari": 2, "feburari": 2, "februar": 2, "february": 2,
    "mrt": 3, "maa": 3, "maar": 3, "maarte": 3, "march": 3,
    "apr": 4, "april": 4, "aprill": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "augs": 8, "augustis": 8, "agustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9,
    "okt": 10, "oct": 10, "october": 10, "oktobre": 10,
    "nov": 11, "novem": 11, "november": 11,
    "dec": 12, "decem": 12, "december": 12,
}
_MONTH_WORDS.update({name: i + 1 for i, name in enumerate(MONTHS)})

_NUMBER_WORDS = {
    "een": 1, "eén": 1, "één": 1, "1": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "dertig": 30, "anderhalve": 1.5, "anderhalf": 1.5,
}


class InvalidDate(ValueError):
    """A date that was meant but cannot exist, or cannot be pinned down; `reason` says why, in plain Dutch."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def format_dutch_date(d: date, weekday: bool = True) -> str:
    """"zondag 12 april 2026", or "12 april 2026" without the weekday."""
    day = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {day}" if weekday else day


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", (text or "").lower()).encode("ascii", "ignore").decode()
    return text.replace("’", "'")


def month_number(word: str) -> Optional[int]:
    """1-12 for a Dutch month name, abbreviation or typo ("mrt", "januarie", "sept."), None when unsure."""
    w = _fold(word).strip(".")
    if not w or not w.isalpha():
        return None
    if w in _MONTH_WORDS:
        return _MONTH_WORDS[w]
    if len(w) >= 3:
        starts = {i + 1 for i, name in enumerate(MONTHS) if name.startswith(w)}
        if len(starts) == 1:
            return starts.pop()
    if len(w) < 4:
        return None
    scored = sorted(((difflib.SequenceMatcher(None, w, name).ratio(), i + 1) for i, name in enumerate(MONTHS)),
                    reverse=True)
    (best, month), (second, _) = scored[0], scored[1]
    if best >= 0.75 and best - second >= 0.1:
        return month
    return None


_WEEKDAY_SHORT = {"ma": 0, "maan": 0, "di": 1, "din": 1, "dins": 1, "wo": 2, "woe": 2, "woens": 2, "do": 3,
                  "don": 3, "donder": 3, "vr": 4, "vrij": 4, "za": 5, "zat": 5, "zater": 5, "zo": 6, "zon": 6}


def _weekday_number(word: str) -> Optional[int]:
    w = _fold(word)
    if w in WEEKDAYS:
        return WEEKDAYS.index(w)
    if w in _WEEKDAY_SHORT:
        return _WEEKDAY_SHORT[w]
    if len(w) < 6 or not w.endswith(("dag", "dg", "ag")):
        return None
    close = difflib.get_close_matches(w, WEEKDAYS, n=1, cutoff=0.8)
    return WEEKDAYS.index(close[0]) if close else None


def _year(text: Optional[str], today: date) -> Optional[int]:
    if not text:
        return None
    y = int(text.lstrip("'"))
    if len(text.lstrip("'")) <= 2:
        y += 2000
        if y > today.year + 1:
            y -= 100
    return y


def _build(day: int, month: int, year: Optional[int], today: date) -> date:
    """The date, or InvalidDate saying why it cannot exist. Without a year: this year, or last year if that
    date would still be to come."""
    if month < 1 or month > 12:
        raise InvalidDate(f"Maand {month} bestaat niet. Een jaar heeft 12 maanden.")
    name = MONTHS[month - 1]
    if day < 1:
        raise InvalidDate(f"Dag {day} bestaat niet. Een maand begint bij dag 1.")
    if day > 31:
        raise InvalidDate(f"Dag {day} bestaat niet. Een maand heeft nooit meer dan 31 dagen.")
    if year is None:
        year = today.year
        if month == 2 and day == 29:
            # "29 februari" without a year: the most recent leap day
            while not calendar.isleap(year) or date(year, 2, 29) > today:
                year -= 1
        elif _fits(day, month, year) and date(year, month, day) > today:
            year -= 1
    if year < 1900 or year > 2200:
        raise InvalidDate(f"Het jaar {year} klopt vast niet. Wil je het jaar nog eens nakijken?")
    last = calendar.monthrange(year, month)[1]
    if day > last:
        if month == 2 and day == 29:
            raise InvalidDate(f"29 februari {year} bestaat niet. {year} is geen schrikkeljaar. "
                              f"Februari heeft dan 28 dagen.")
        raise InvalidDate(f"{day} {name} {year} bestaat niet. {name.capitalize()} heeft maar {last} dagen.")
    return date(year, month, day)


def _fits(day: int, month: int, year: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


# Patterns, tried in this order.
_UNITS = r"(?:dag|dagen|week|weken|maand|maanden|jaar|jaren|uur|keer|euro|procent|%)"
_ISO = re.compile(r"(?<![\d/.-])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d/-])")
_NUMERIC = re.compile(
    r"(?<!\d)(?<!\d[/.,-])(\d{1,2})\s?([-/.])\s?(\d{1,2})(?:\2\s?('?\d{4}|'?\d{2}))?(?!\d|[/.,-]\d)(?!\s*" + _UNITS
    + r"\b)"
)
_WORDED = re.compile(
    r"(?<![\d-])(\d{1,2})\s*(?:e|de|ste|ste\.)?\s*([a-z]{3,12})\.?"
    r"(?:\s*,?\s*('?\d{4}|'\d{2}|\d{2}(?!\s*(?:dag|week|weken|maand|jaar|uur))))?(?![\d])"
)
_MONTH_DAY = re.compile(r"\b([a-z]{3,12})\.?\s+(\d{1,2})(?:e|de|ste)?(?:\s*,?\s*(\d{4}))?\b")
_NOT_MONTHS = {"over", "voor", "van", "tot", "dan", "met", "maar", "mee", "jaar", "dag", "dagen", "week", "weken"}
_MONTH_ONLY = re.compile(r"\b(?:in|begin|eind|half|midden|halverwege)\s+([a-z]{3,12})\b(?:\s+(\d{4}))?")
_AGO = re.compile(
    r"\b(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) +
    r")\s+(dag|dagen|week|weken|maand|maanden|jaar|jaren)\s+(?:geleden|terug)\b"
)
_A_UNIT_AGO = re.compile(r"\b(?:een|1)?\s*(dag|week|maand|jaar)\s+(?:geleden|terug)\b")
_LAST_WEEK_DAY = [re.compile(r"\b(?:vorige|verleden|afgelopen)\s+week\s+(?:op\s+)?([a-z]+)\b"),
                  re.compile(r"\b([a-z]+)\s+(?:van\s+)?(?:de\s+)?(?:vorige|verleden|afgelopen)\s+week\b")]
_LAST_DAY = re.compile(r"\b(?:afgelopen|vorige|verleden)\s+([a-z]+)\b|\b([a-z]+)\s+(?:jl|j\.l)\b")
_VAGUE = re.compile(r"\b(?:een\s+)?paar\s+(?:dagen|weken|maanden)\b|"
                    r"\b(?:vorige|verleden|afgelopen)\s+(week|maand|jaar)\b")
_THIS_DAY = re.compile(r"\b(?:op\s+|deze\s+|)([a-z]+dag|zaterdag|zondag)\b")


def parse_dutch_date(text: str, today: date) -> Optional[date]:
    """The date a Dutch message names, None when it names none; raises InvalidDate when the date it means
    cannot exist ("31 februari 2026", "32-01-2026") or is too vague ("vorige week")."""
    t = _fold(text)
    t = re.sub(r"\s+", " ", t)

    m = _ISO.search(t)
    if m:
        return _build(int(m.group(4)), int(m.group(3)), int(m.group(1)), today)

    m = _AGO.search(t)
    if m:
        return _ago(_NUMBER_WORDS.get(m.group(1)) or int(m.group(1)), m.group(2), today)

    for m in _WORDED.finditer(t):
        month = month_number(m.group(2))
        if month:
            return _build(int(m.group(1)), month, _year(m.group(3), today), today)

    m = _NUMERIC.search(t)
    if m and not (m.group(2) == "." and not m.group(4)):
        return _build(int(m.group(1)), int(m.group(3)), _year(m.group(4), today), today)

    for m in _MONTH_DAY.finditer(t):
        month = month_number(m.group(1)) if m.group(1) not in _NOT_MONTHS else None
        if month:
            return _build(int(m.group(2)), month, _year(m.group(3), today), today)

    if re.search(r"\beergisteren\b|\beergister\b", t):
        return today - timedelta(days=2)
    if re.search(r"\bgisteren\b|\bgister\b|\bgisterochtend\b|\bgisteravond\b|\bgistermiddag\b", t):
        return today - timedelta(days=1)
    if re.search(r"\bvandaag\b|\bvanochtend\b|\bvanmorgen\b|\bvanmiddag\b|\bzojuist\b|\bnet\s+(?:nu|gedaan)\b", t):
        return today

    if re.search(r"\bovermorgen\b", t):
        return today + timedelta(days=2)
    if re.search(r"\bmorgen\b", t):
        return today + timedelta(days=1)

    m = _A_UNIT_AGO.search(t)
    if m:
        return _ago(1, m.group(1), today)

    for m in (m for pattern in _LAST_WEEK_DAY for m in pattern.finditer(t)):
        day = _weekday_number(m.group(1))
        if day is not None:
            monday_last_week = today - timedelta(days=today.weekday() + 7)
            return monday_last_week + timedelta(days=day)

    for m in _LAST_DAY.finditer(t):
        day = _weekday_number(m.group(1) or m.group(2))
        if day is not None:
            return _last_weekday(day, today)

    for m in _THIS_DAY.finditer(t):
        day = _weekday_number(m.group(1))
        if day is not None and m.group(1) in WEEKDAYS:
            return _last_weekday(day, today)

    vague = _VAGUE.search(t)
    if vague:
        raise InvalidDate("Dat is niet precies genoeg. Op welke dag was het? "
                          "Bijvoorbeeld: 10 januari, of vorige week dinsdag.")

    m = _MONTH_ONLY.search(t)
    if m and month_number(m.group(1)):
        month = month_number(m.group(1))
        raise InvalidDate(f"Ik mis de dag. Op welke dag in {MONTHS[month - 1]} was het? "
                          f"Bijvoorbeeld: 10 {MONTHS[month - 1]}.")
    return None


def _ago(amount: float, unit: str, today: date) -> date:
    if unit.startswith("dag"):
        return today - timedelta(days=round(amount))
    if unit.startswith("we"):
        return today - timedelta(days=round(amount * 7))
    if unit.startswith("maand"):
        months = round(amount)
        y, m = divmod(today.year * 12 + today.month - 1 - months, 12)
        return date(y, m + 1, min(today.day, calendar.monthrange(y, m + 1)[1]))
    years = round(amount)
    year = today.year - years
    return date(year, today.month, min(today.day, calendar.monthrange(year, today.month)[1]))


def _last_weekday(weekday: int, today: date) -> date:
    """The most recent day with that weekday, before today ("afgelopen maandag" on a Monday is a week ago)."""
    back = (today.weekday() - weekday) % 7 or 7
    return today - timedelta(days=back)


def read_complaint_date(text: str, today: date) -> Tuple[Optional[date], Optional[str]]:
    """(date, None) for a usable complaint date; (None, reason) when the date cannot exist or lies in the future;
    (None, None) when the text names no date."""
    try:
        found = parse_dutch_date(text, today)
    except InvalidDate as problem:
        return None, problem.reason
    if found is None:
        return None, None
    if found > today:
        return None, (f"{format_dutch_date(found).capitalize()} is nog niet geweest. "
                      "Ik heb de datum nodig waarop je de klacht al hebt ingediend.")
    return found, None


# ---------------------------------------------------------------------------------------------------------------
# Deadlines of a complaint

ANSWER_WEEKS = 6  # Wkkgz art. 17 lid 1
EXTENSION_WEEKS = 4  # Wkkgz art. 17 lid 2
GESCHIL_YEARS = 1  # De Geschillencommissie Zorg: within one year after complaining to the provider


def add_years(d: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a year without one."""
    year = d.year + years
    return date(year, d.month, min(d.day, calendar.monthrange(year, d.month)[1]))


def complaint_deadlines(filed: date) -> Dict[str, date]:
    """The dates that follow from the day a complaint was filed with the provider:
    - answer_by: the written answer is due (6 weeks, Wkkgz art. 17 lid 1);
    - extended_answer_by: the latest date if the provider extends by at most 4 weeks (art. 17 lid 2);
    - geschil_by: the last day to bring the dispute to the geschilleninstantie (one year after the complaint,
      De Geschillencommissie Zorg)."""
    answer_by = filed + timedelta(weeks=ANSWER_WEEKS)
    return {
        "filed": filed,
        "answer_by": answer_by,
        "extended_answer_by": answer_by + timedelta(weeks=EXTENSION_WEEKS),
        "geschil_by": add_years(filed, GESCHIL_YEARS),
    }
