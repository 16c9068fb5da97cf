"""An answer that came without a question ("in Turkije", "10 januari 2026"): start the guided help it belongs to.

A date means the person wants the deadline dates; a place, provider or problem means the complaint route (the form
then reads what the message already said). Anything else gets the offer of both.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.complaint_route import read_answers
from actions.dates import InvalidDate, parse_dutch_date


def form_for(text: str, today: date) -> Optional[str]:
    """The form a question-less answer belongs to, or None."""
    try:
        if parse_dutch_date(text, today):
            return "deadline_form"
    except InvalidDate:
        return "deadline_form"  # the form asks again and says why
    if read_answers(text):
        return "complaint_route_form"
    return None


class ActionInformOutsideForm(Action):
    def name(self) -> Text:
        return "action_inform_outside_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        form = form_for((tracker.latest_message or {}).get("text") or "", date.today())
        if form is None:
            dispatcher.utter_message(response="utter_inform_outside_form")
            return []
        if form == "complaint_route_form":
            dispatcher.utter_message(response="utter_route_intro")
        return [FollowupAction(form)]
