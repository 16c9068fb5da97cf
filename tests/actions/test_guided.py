from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.guided import ActionInformOutsideForm, form_for

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize("text", ["10 januari 2026", "gisteren", "01-03-2026", "31 februari 2026"])
def test_a_date_starts_the_deadline_form(text):
    assert form_for(text, TODAY) == "deadline_form"


@pytest.mark.parametrize("text", ["in turkije", "een schoonheidssalon", "via een bemiddelingsbureau",
                                  "mijn implantaat lekt"])
def test_a_situation_starts_the_complaint_route(text):
    assert form_for(text, TODAY) == "complaint_route_form"


@pytest.mark.parametrize("text", ["hmm", "ok dan", ""])
def test_anything_else_gets_the_offer(text):
    assert form_for(text, TODAY) is None


async def test_action_follows_up_with_the_form(tracker_for):
    dispatcher = CollectingDispatcher()
    events = await ActionInformOutsideForm().run(dispatcher, tracker_for("in turkije", intent="inform"), {})
    assert events == [{"event": "followup", "timestamp": None, "name": "complaint_route_form"}]
    assert dispatcher.messages[0]["response"] == "utter_route_intro"

    dispatcher = CollectingDispatcher()
    assert await ActionInformOutsideForm().run(dispatcher, tracker_for("hmm", intent="inform"), {}) == []
    assert dispatcher.messages[0]["response"] == "utter_inform_outside_form"
