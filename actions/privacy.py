"""Deleting a conversation on request ("verwijder mijn gegevens", then yes).

The action server cannot delete the conversation itself: Rasa stores the events of this turn after the action
has run, and would write the whole conversation back. So the action sends a custom message that asks the
channel's gateway to delete it; the gateway deletes the conversation from the tracker store once Rasa has
answered, and only then tells the person it is gone (bot/conversations.py). Straight over Rasa's REST channel,
without the gateway, nothing is deleted and the text says how to ask.
"""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

DELETE_REQUEST = {"type": "delete_conversation"}


class ActionDeleteConversation(Action):
    def name(self) -> Text:
        return "action_delete_conversation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(json_message=dict(DELETE_REQUEST))
        return []
