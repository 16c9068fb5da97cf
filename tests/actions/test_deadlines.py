"""The deadline form (reading the complaint date) and the dates action_deadlines sends."""
import re
from datetime import date, timedelta

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.dates import format_dutch_date
from actions.deadlines import (ASK_AGAIN, DONT_KNOW, NO_DATE, ActionDeadlines, ValidateDeadlineForm,
                               deadline_messages, read_date_answer)
from quality.readability import answer_body, problems

TODAY = date(2026, 4, 15)
BRON = ("Bron: Wkkgz, artikel 17 · https://wetten.overheid.nl/BWBR0037173; De Geschillencommissie Zorg · "
        "https://www.degeschillencommissiezorg.nl/vragen/termijn-klacht-indienen/")


# --- reading the answer ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("10 januari 2026", "2026-01-10"),
    ("10-01-2026", "2026-01-10"),
    ("gisteren", "2026-04-14"),
    ("vorige week dinsdag", "2026-04-07"),
    ("Ik heb mijn klacht op 2 februari 2026 ingediend, wanneer moeten ze antwoorden?", "2026-02-02"),
])
def test_a_date_fills_the_slot_with_an_iso_date(text, iso):
    assert read_date_answer(text, TODAY, "inform") == ({"complaint_date": iso}, None)


@pytest.mark.parametrize("text,why", [
    ("1 mei 2026", "nog niet geweest"),
    ("morgen", "nog niet geweest"),
    ("31 februari 2026", "28 dagen"),
    ("32-01-2026", "31 dagen"),
])
def test_future_or_impossible_date_asks_again_and_says_why(text, why):
    values, reply = read_date_answer(text, TODAY, "inform")
    assert values == {"complaint_date": None}
    assert why in reply and ASK_AGAIN in reply
    assert problems(reply) == []


def test_no_date_when_asked():
    assert read_date_answer("hmm even kijken", TODAY, "inform") == ({"complaint_date": None}, NO_DATE)
    assert read_date_answer("weet ik niet", TODAY, "inform") == ({"complaint_date": None}, DONT_KNOW)
    assert problems(NO_DATE) == [] and problems(DONT_KNOW) == []


@pytest.mark.parametrize("text,intent", [
    ("wat is een klachtenfunctionaris?", "faq"),
    ("wat zegt artikel 17?", "ask_law_article"),
    ("hallo", "greet"),
    ("bedankt", "thank"),
    ("kan ik ook iemand bellen?", "human_handoff"),
    ("ik bloed heel erg", "emergency"),
    ("stop", "stop"),
    ("hoe lang duurt dat eigenlijk?", "inform"),
    ("/ask_deadline", "ask_deadline"),
])
def test_other_messages_are_left_to_their_rules(text, intent):
    assert read_date_answer(text, TODAY, intent) == ({}, None)


def test_urgent_messages_are_never_read_even_with_a_date():
    assert read_date_answer("ze bedreigen me sinds 3 maart", TODAY, "threat") == ({}, None)


def test_no_date_before_the_question_was_asked_is_silent():
    assert read_date_answer("tot wanneer heeft de kliniek", TODAY, "ask_deadline", asked=False) == ({}, None)
    # but an impossible date is always explained
    values, reply = read_date_answer("ik klaagde op 31 februari 2026", TODAY, "ask_deadline", asked=False)
    assert values == {"complaint_date": None} and "28 dagen" in reply


# --- the dates -----------------------------------------------------------------------------------------------------

def test_messages_for_the_example_of_the_brief():
    first, second = deadline_messages(date(2026, 1, 10), date(2026, 1, 12))
    assert "zaterdag 10 januari 2026" in first
    assert "zaterdag 21 februari 2026" in first
    assert "zaterdag 21 maart 2026" in first
    assert "zondag 10 januari 2027" in first
    assert "6 weken" in first and "4 weken" in first
    assert first.endswith(BRON)
    assert "geschilleninstantie" in second and "Wkkgz, artikel 21 lid 1" in second
    assert "088 - 120 50 20" in second and "€ 52,50" in second


@pytest.mark.parametrize("filed", [date(2026, 1, 10), date(2028, 2, 29), date(2026, 12, 31), date(2025, 3, 3)])
@pytest.mark.parametrize("today_offset", [0, 20, 50, 100, 400])
def test_messages_read_at_b1_and_name_their_sources(filed, today_offset):
    today = filed + timedelta(days=today_offset)
    messages = deadline_messages(filed, today)
    assert len(messages) == 2
    for message in messages:
        assert problems(answer_body(message)) == [], message
        assert re.search(r"\n\nBron: .*https://", message)
    joined = "\n".join(messages)
    assert format_dutch_date(filed + timedelta(weeks=6)) in joined
    assert format_dutch_date(filed + timedelta(weeks=10)) in joined


def test_past_dates_are_said_to_be_past():
    first, second = deadline_messages(date(2026, 1, 10), date(2027, 6, 1))
    assert "Die datum is voorbij" in first and "Die termijn is voorbij" in first
    assert "moest" in first
    assert "voorbij" in second and "088 - 120 50 20" in second
    first, _ = deadline_messages(date(2026, 1, 10), date(2026, 1, 11))
    assert "voorbij" not in first


# --- the actions -----------------------------------------------------------------------------------------------------

async def test_validate_deadline_form_fills_the_slot(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("10 januari 2026", requested_slot="complaint_date", active_loop="deadline_form")
    events = await ValidateDeadlineForm().run(dispatcher, tracker, domain)
    assert {"event": "slot", "timestamp": None, "name": "complaint_date", "value": "2026-01-10"} in events
    assert dispatcher.messages == []


async def test_validate_deadline_form_reads_gisteren_with_the_real_today(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("gisteren", requested_slot="complaint_date", active_loop="deadline_form")
    events = await ValidateDeadlineForm().run(dispatcher, tracker, domain)
    values = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert values["complaint_date"] == (date.today() - timedelta(days=1)).isoformat()


async def test_validate_deadline_form_refuses_a_future_date_kindly(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    future = date.today() + timedelta(days=30)
    text = f"{future.day}-{future.month}-{future.year}"
    tracker = tracker_for(text, requested_slot="complaint_date", active_loop="deadline_form")
    events = await ValidateDeadlineForm().run(dispatcher, tracker, domain)
    values = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert values == {"complaint_date": None}
    assert "nog niet geweest" in dispatcher.messages[0]["text"]


async def test_validate_deadline_form_leaves_a_question_to_the_faq(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("wat doet een klachtenfunctionaris?", intent="faq", requested_slot="complaint_date",
                          active_loop="deadline_form")
    events = await ValidateDeadlineForm().run(dispatcher, tracker, domain)
    assert [e for e in events if e["event"] == "slot" and e["name"] == "complaint_date"] == []
    assert dispatcher.messages == []


async def test_action_deadlines_sends_dates_and_resets(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("", slots={"complaint_date": "2026-01-10"})
    events = await ActionDeadlines().run(dispatcher, tracker, domain)
    assert events == [{"event": "slot", "timestamp": None, "name": "complaint_date", "value": None}]
    texts = [m["text"] for m in dispatcher.messages]
    assert texts == deadline_messages(date(2026, 1, 10), date.today())
    assert "zaterdag 21 februari 2026" in texts[0]


async def test_action_deadlines_without_a_date(tracker_for, domain):
    dispatcher = CollectingDispatcher()
    events = await ActionDeadlines().run(dispatcher, tracker_for("", slots={"complaint_date": None}), domain)
    assert events[0]["value"] is None
    assert problems(dispatcher.messages[0]["text"]) == []
