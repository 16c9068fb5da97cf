"""A pipeline component that decides the intent when a plain check on the text is certain.

Safety must not depend on how well a model generalises: a message with signs of suicidal thoughts, an emergency
or a threat gets that intent, whatever the classifiers said. Messages that cannot be read (empty, far too long,
binary or encoded data), with personal data, in another language, a pasted contract clause, naming a law article,
or giving a complaint date follow, in that order. Runs after the FallbackClassifier.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components import detectors

# (intent, check), first match wins.
CHECKS: List[Tuple[str, Callable[[str], Any]]] = [
    ("suicidal", detectors.suicidal),
    ("emergency", detectors.emergency),
    ("threat", detectors.threat),
    ("share_personal_data", detectors.personal_data),
    ("unreadable", detectors.unreadable),
    ("other_language", detectors.english),
    ("check_clause", detectors.pasted_clause),
    ("ask_law_article", detectors.law_reference),
    ("ask_deadline", detectors.complaint_date),
]


def decide(text: str) -> Optional[str]:
    """The intent a plain check is certain of, or None."""
    if text.startswith("/"):
        return None
    for intent, check in CHECKS:
        if check(text):
            return intent
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentOverrides(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "IntentOverrides":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = decide(message.get(TEXT) or "")
            if intent:
                message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
        return messages
