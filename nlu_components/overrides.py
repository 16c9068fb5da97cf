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
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
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
            text = message.get(TEXT) or ""
            intent = decide(text)
            if intent:
                message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            elif not text.startswith("/"):
                unsure = unsure_alarm(message.get(INTENT) or {}, message.get(INTENT_RANKING_KEY) or [])
                if unsure:
                    message.set(INTENT, unsure, add_to_output=True)
        return messages


# An emergency or threat the plain checks did not see, which the model is not very sure of, is more often a
# word the model ties to it ("lippen" after "mijn lippen worden blauw") than a real one: the next intent is
# taken. Suicidal thoughts are never second-guessed.
VETOED = {"emergency", "threat"}
VETO_BELOW = 0.9


FALLBACK_BELOW = 0.45  # config.yml: FallbackClassifier threshold


def unsure_alarm(intent: Dict[str, Any], ranking: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The intent to use instead of an unsure emergency or threat from the model (the next one, or nlu_fallback
    when that one is unsure too), or None to keep it."""
    if intent.get("name") not in VETOED or (intent.get("confidence") or 0.0) >= VETO_BELOW:
        return None
    for other in ranking:
        if other.get("name") not in VETOED | {"suicidal", intent.get("name")}:
            confidence = other.get("confidence") or 0.0
            name = other["name"] if confidence >= FALLBACK_BELOW else "nlu_fallback"
            return {"name": name, "confidence": confidence}
    return None
