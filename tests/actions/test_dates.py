"""Dutch dates: reading, writing, and the deadlines of a complaint. `today` is always fixed."""
from datetime import date, timedelta

import pytest

from actions.dates import (InvalidDate, add_years, complaint_deadlines, format_dutch_date, month_number,
                           parse_dutch_date, read_complaint_date)
from quality.readability import problems

TODAY = date(2026, 4, 15)  # a Wednesday


@pytest.mark.parametrize("text,expected", [
    ("1 maart 2026", date(2026, 3, 1)),
    ("1 mrt 2026", date(2026, 3, 1)),
    ("1 mrt. 2026", date(2026, 3, 1)),
    ("01-03-2026", date(2026, 3, 1)),
    ("1-3-2026", date(2026, 3, 1)),
    ("1/3", date(2026, 3, 1)),
    ("1/3/26", date(2026, 3, 1)),
    ("1.3.2026", date(2026, 3, 1)),
    ("2026-03-01", date(2026, 3, 1)),
    ("1 maart", date(2026, 3, 1)),
    ("1e maart", date(2026, 3, 1)),
    ("op 3 maart", date(2026, 3, 3)),
    ("1 mei", date(2025, 5, 1)),  # 1 May 2026 is still to come: last year
    ("15/4", date(2026, 4, 15)),  # today itself is this year
    ("16/4", date(2025, 4, 16)),
    ("gisteren", date(2026, 4, 14)),
    ("eergisteren", date(2026, 4, 13)),
    ("vandaag", date(2026, 4, 15)),
    ("vorige week dinsdag", date(2026, 4, 7)),
    ("dinsdag vorige week", date(2026, 4, 7)),
    ("ik heb vorige week dinsdag geklaagd", date(2026, 4, 7)),
    ("vorige week zondag", date(2026, 4, 12)),
    ("afgelopen maandag", date(2026, 4, 13)),
    ("afgelopen woensdag", date(2026, 4, 8)),  # today is a Wednesday: a week ago
    ("vrijdag jl.", date(2026, 4, 10)),
    ("maandag", date(2026, 4, 13)),
    ("twee weken geleden", date(2026, 4, 1)),
    ("2 weken geleden", date(2026, 4, 1)),
    ("3 dagen geleden", date(2026, 4, 12)),
    ("een week geleden", date(2026, 4, 8)),
    ("een maand geleden", date(2026, 3, 15)),
    ("1 maar 2026", date(2026, 3, 1)),
    ("3 januarie", date(2026, 1, 3)),
    ("3 januarie 2026", date(2026, 1, 3)),
    ("10 febuari 2026", date(2026, 2, 10)),
    ("5 sept. 2025", date(2025, 9, 5)),
    ("10 oktobre 2025", date(2025, 10, 10)),
    ("12 DECEMBER 2025", date(2025, 12, 12)),
    ("mijn klacht is van 12-09-2025, wanneer moeten ze reageren", date(2025, 9, 12)),
    ("Ik heb mijn klacht op 2 februari 2026 ingediend, wanneer moeten ze antwoorden?", date(2026, 2, 2)),
    ("ik heb op 01-10-2025 geklaagd, hoe lang nog", date(2025, 10, 1)),
    ("klacht ingediend op 1 april, wanneer verloopt de termijn", date(2026, 4, 1)),
    ("1-3-'25", date(2025, 3, 1)),
    ("29 februari 2028", date(2028, 2, 29)),
    ("29 februari", date(2024, 2, 29)),  # the latest leap day that has been
    ("1 maart 2026 om 10 uur", date(2026, 3, 1)),
])
def test_parse_dutch_date(text, expected):
    assert parse_dutch_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["weet ik niet", "nee", "hallo", "bel 088 - 120 50 20", "het kost € 52,50",
                                  "6-8 weken", "ik wacht al 3 weken", "versie 1.3", "artikel 17 lid 2", ""])
def test_no_date(text):
    assert parse_dutch_date(text, TODAY) is None


@pytest.mark.parametrize("text,why", [
    ("31 februari 2026", "Februari heeft maar 28 dagen"),
    ("30 februari", "Februari heeft maar 28 dagen"),
    ("29 februari 2026", "geen schrikkeljaar"),
    ("31 april 2026", "April heeft maar 30 dagen"),
    ("32-01-2026", "nooit meer dan 31 dagen"),
    ("32 januari", "nooit meer dan 31 dagen"),
    ("0-1-2026", "Dag 0 bestaat niet"),
    ("13-13-2026", "12 maanden"),
    ("vorige week", "niet precies genoeg"),
    ("een paar weken geleden", "niet precies genoeg"),
    ("in maart", "Ik mis de dag"),
])
def test_impossible_or_vague_dates_say_why(text, why):
    with pytest.raises(InvalidDate) as raised:
        parse_dutch_date(text, TODAY)
    assert why in raised.value.reason
    assert problems(raised.value.reason) == []


def test_year_ends_and_starts():
    new_year = date(2027, 1, 5)
    assert parse_dutch_date("31 december", new_year) == date(2026, 12, 31)
    assert parse_dutch_date("2 januari", new_year) == date(2027, 1, 2)
    assert parse_dutch_date("31/12", new_year) == date(2026, 12, 31)
    assert parse_dutch_date("eergisteren", date(2027, 1, 1)) == date(2026, 12, 30)
    assert parse_dutch_date("vorige week maandag", date(2027, 1, 3)) == date(2026, 12, 21)
    assert parse_dutch_date("een maand geleden", date(2026, 3, 31)) == date(2026, 2, 28)
    assert parse_dutch_date("gisteren", date(2028, 3, 1)) == date(2028, 2, 29)


def test_month_names_and_typos():
    assert month_number("maart") == 3 and month_number("mrt") == 3 and month_number("maar") == 3
    assert month_number("januarie") == 1 and month_number("Febr.") == 2 and month_number("okt") == 10
    assert month_number("ju") is None  # juni or juli
    assert month_number("dagen") is None and month_number("weken") is None and month_number("maanden") is None


@pytest.mark.parametrize("d,text", [
    (date(2026, 4, 12), "zondag 12 april 2026"),
    (date(2026, 2, 21), "zaterdag 21 februari 2026"),
    (date(2028, 2, 29), "dinsdag 29 februari 2028"),
    (date(2026, 12, 31), "donderdag 31 december 2026"),
])
def test_format_dutch_date(d, text):
    assert format_dutch_date(d) == text


def test_complaint_deadlines_example_of_the_brief():
    d = complaint_deadlines(date(2026, 1, 10))
    assert format_dutch_date(d["answer_by"]) == "zaterdag 21 februari 2026"
    assert format_dutch_date(d["extended_answer_by"]) == "zaterdag 21 maart 2026"
    assert d["geschil_by"] == date(2027, 1, 10)
    assert d["filed"] == date(2026, 1, 10)


@pytest.mark.parametrize("filed,answer,extended,geschil", [
    (date(2028, 2, 29), date(2028, 4, 11), date(2028, 5, 9), date(2029, 2, 28)),  # leap day
    (date(2026, 12, 31), date(2027, 2, 11), date(2027, 3, 11), date(2027, 12, 31)),  # over the year end
    (date(2027, 1, 20), date(2027, 3, 3), date(2027, 3, 31), date(2028, 1, 20)),  # over a short February
    (date(2028, 1, 20), date(2028, 3, 2), date(2028, 3, 30), date(2029, 1, 20)),  # over a leap February
    (date(2026, 11, 30), date(2027, 1, 11), date(2027, 2, 8), date(2027, 11, 30)),
])
def test_complaint_deadlines_around_month_and_year_ends(filed, answer, extended, geschil):
    d = complaint_deadlines(filed)
    assert d["answer_by"] == answer == filed + timedelta(weeks=6)
    assert d["extended_answer_by"] == extended == filed + timedelta(weeks=10)
    assert d["geschil_by"] == geschil


def test_add_years():
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert add_years(date(2028, 2, 29), 4) == date(2032, 2, 29)


def test_read_complaint_date():
    assert read_complaint_date("10 januari 2026", TODAY) == (date(2026, 1, 10), None)
    assert read_complaint_date("hallo", TODAY) == (None, None)
    found, why = read_complaint_date("1 mei 2026", TODAY)
    assert found is None and "nog niet geweest" in why and "Vrijdag 1 mei 2026" in why
    found, why = read_complaint_date("morgen", TODAY)
    assert found is None and "nog niet geweest" in why
    found, why = read_complaint_date("31 februari 2026", TODAY)
    assert found is None and "28 dagen" in why
    assert problems(why) == []
