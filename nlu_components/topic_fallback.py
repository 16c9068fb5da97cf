"""A fallback for FAQ topics, as the FallbackClassifier is for intents.

DIET is often sure that a message is *some* FAQ question while the ResponseSelector is unsure *which* one. Then
the answer would be a confident wrong one. Below the threshold the intent becomes `nlu_fallback`, and the
"did you mean…" buttons (actions/fallback.py) offer the likeliest topics from the same ranking.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message

RETRIEVAL_INTENT = "faq"


def topic_confidence(parse_data: Dict[Text, Any]) -> float:
    """The ResponseSelector's confidence in its best FAQ topic (0 when there is none)."""
    ranking = ((parse_data.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}).get("ranking") or []
    return max((r.get("confidence") or 0.0 for r in ranking), default=0.0)


def unsure_of_topic(parse_data: Dict[Text, Any], threshold: float) -> bool:
    intent = (parse_data.get("intent") or {}).get("name")
    return intent == RETRIEVAL_INTENT and topic_confidence(parse_data) < threshold


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class TopicFallback(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.15}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.threshold = config["threshold"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TopicFallback":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            data = {"intent": message.get(INTENT), "response_selector": message.get("response_selector")}
            if unsure_of_topic(data, self.threshold):
                message.set(INTENT, {"name": "nlu_fallback", "confidence": 1.0 - topic_confidence(data)},
                            add_to_output=True)
        return messages
