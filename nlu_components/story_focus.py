"""A pipeline component that reads a story of symptoms that are over for its question.

"Vorig jaar had ik na mijn BBL hoge koorts, nu ben ik hersteld. De kliniek liet me een geheimhoudingsverklaring
tekenen, is die geldig?" The sentences about the symptoms make the classifiers think of an emergency, or of nothing
they know; the question is in the other sentences. When the plain safety checks (nlu_components/safety.py) read a
story of symptoms that are over, this component hands the classifiers the sentences without them, and keeps the
whole message as `original_text` (the safety checks in nlu_components/overrides.py read that one). Runs first.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components import safety

ORIGINAL_TEXT = "original_text"
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|,\s+(?=(?:maar|nu|en nu|sindsdien|daarna|dat)\b)")


def _about_symptoms(sentence: str) -> bool:
    t = safety.fold(sentence)
    return any(p.search(t) for group in (safety.EMERGENCY_NL, safety.EMERGENCY_EN, safety.MEDICAL_WORRY_NL,
                                         safety.MEDICAL_WORRY_STORY, safety.PAST, safety.RESOLVED) for p in group)


def question_part(text: str) -> Optional[str]:
    """The sentences of a story of symptoms that are over, without those about the symptoms; None when the text is
    no such story or nothing else is left."""
    danger = safety.assess(text)
    if not danger or danger.kind != "past_symptoms":
        return None
    kept = [s for s in (p.strip() for p in _SENTENCE.split(text)) if s and not _about_symptoms(s)]
    rest = " ".join(kept)
    return rest if rest and len(rest) < len(text) else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class StoryFocus(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "StoryFocus":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # the examples are what they are

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            focus = question_part(text)
            if focus:
                message.set(ORIGINAL_TEXT, text)
                message.set(TEXT, focus)
        return messages
