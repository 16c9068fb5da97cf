"""A pipeline component that decides the intent when a plain check on the text is certain.

Safety must not depend on how well a model generalises: a message with signs of suicidal thoughts, self-harm, an
emergency, a threat or a medical worry gets that intent, whatever the classifiers said (nlu_components/safety.py).
When only the model saw danger and is not sure, the intent is `safety_check`: a kind check-in with the numbers.
Messages that cannot be read (empty, far too long, binary or encoded data), with personal data, in another language, a pasted contract clause, naming a law article,
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

from nlu_components import detectors, safety
from nlu_components.story_focus import ORIGINAL_TEXT

# Plain checks after safety: (intent, check), first match wins.
CHECKS: List[Tuple[str, Callable[[str], Any]]] = [
    ("share_personal_data", detectors.personal_data),
    ("unreadable", detectors.unreadable),
    ("other_language", detectors.english),
    ("check_clause", detectors.pasted_clause),
    ("ask_law_article", detectors.law_reference),
    ("ask_deadline", detectors.complaint_date),
]
# The kinds of danger safety.assess finds that have an intent of their own; `past_symptoms` is answered as the
# question it asks, with one safety line (intent safety_check).
SAFETY_INTENTS = {"suicidal", "self_harm", "emergency", "threat", "medical_worry"}
# An answer in a crisis: these intents are read as danger
ALARMS = {"suicidal", "self_harm", "emergency", "threat"}
# A safety intent from the model below this is not trusted alone: the assistant checks in kindly, with the numbers,
# and still answers the question the message asked (actions/safety.py).
SURE = 0.9
SURE_WORRY = 0.8  # a medical worry the plain checks did not see is taken from the model from this confidence
ENGLISH_ALARM_ABOVE = 0.5  # an English message: the model's danger intent is taken from this confidence
SAFETY_KEY = "safety"  # in the parse data: {"kind", "language"} for the actions


def assess(text: str) -> Tuple[Optional[str], Dict[str, str]]:
    """The intent plain checks are certain of (or None), and what the actions need to know about safety."""
    if text.startswith("/"):
        return None, {}
    english = detectors.english(text)
    danger = safety.assess(text)
    if danger:
        info = {"kind": danger.kind, "language": "en" if english or danger.language == "en" else "nl"}
        if danger.kind in ("attempt", "other_at_risk"):  # suicidal, with an answer of their own (actions/safety.py)
            return "suicidal", info
        if danger.kind in SAFETY_INTENTS:
            return danger.kind, info
        return "safety_check", info
    info = {"language": "en"} if english else {}
    for intent, check in CHECKS:
        if check(text):
            return intent, info
    return None, info


def decide(text: str) -> Optional[str]:
    """The intent a plain check is certain of, or None."""
    return assess(text)[0]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentOverrides(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "IntentOverrides":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""  # the whole message (story_focus.py)
            if text.startswith("/"):
                continue
            model = message.get(INTENT) or {}
            ranking = message.get(INTENT_RANKING_KEY) or []
            intent, info = assess(text)
            if intent == "other_language":
                # danger in English the plain checks did not see, but the model did
                first = next((r for r in ranking if r.get("name") != "nlu_fallback"), {})
                if first.get("name") in ALARMS and (first.get("confidence") or 0.0) >= ENGLISH_ALARM_ABOVE and \
                        safety.model_alarm_stands(first["name"], text) == first["name"] and \
                        not (first["name"] in ("threat", "emergency") and safety.plain_reading(text)):
                    intent, info = first["name"], {"kind": first["name"], "language": "en"}
            if intent:
                message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            if intent is None and model.get("name") == "medical_worry" and (
                    (model.get("confidence") or 0.0) < SURE_WORRY or safety.plain_reading(text)):
                # a medical worry only the model sees, and not surely: the next intent ("waar vergelijk ik prijzen?")
                model = next_intent(ranking, "medical_worry")
                message.set(INTENT, model, add_to_output=True)
            if intent is None and model.get("name") in ALARMS | {"safety_check", "medical_worry"}:
                # the model's alarm read with the plain checks' eyes: a joke, legal pressure or a story of the past
                stands = safety.model_alarm_stands(model["name"], text)
                if stands == "past_symptoms":
                    intent, info = "safety_check", {**info, "kind": "past_symptoms", "language": info.get("language", "nl")}
                    message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
                elif (stands is None and model["name"] in ALARMS) or (
                        stands in ("threat", "emergency", "safety_check") and (model.get("confidence") or 0.0) < SURE
                        and safety.plain_reading(text)):
                    # a joke, legal pressure, or a plain question about rights the model was not sure of
                    model = next_intent(ranking, model["name"])
                    message.set(INTENT, model, add_to_output=True)
                elif stands in ("suicidal", "self_harm") and (model.get("confidence") or 0.0) < SURE \
                        and safety.plain_reading(text):
                    unsure_plain = stands
                    intent, info = "safety_check", {**info, "kind": "check", "model": unsure_plain}
                    message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            if intent in (None, "other_language"):
                unsure = unsure_alarm(model, ranking) if intent is None else None
                if unsure in ("emergency", "threat") and (model.get("confidence") or 0.0) < CHECK_IN_ALONE \
                        and not safety.weak_signal(text):
                    unsure = None  # a faint guess of the model, and not one word that may carry danger
                    model = next_intent(ranking, model["name"])
                    message.set(INTENT, model, add_to_output=True)
                if not unsure and not_understood(intent, model) and safety.weak_signal(text):
                    unsure = "weak_signal"
                if unsure:
                    info = {**info, "kind": "check", "model": unsure}
                    message.set(INTENT, {"name": "safety_check", "confidence": 1.0}, add_to_output=True)
            if info:
                message.set(SAFETY_KEY, info, add_to_output=True)
        return messages


FALLBACK_BELOW = 0.45  # config.yml: FallbackClassifier threshold
CHECK_IN_ALONE = 0.5  # an unsure alarm below this checks in only when a word in the message may carry danger


def next_intent(ranking: List[Dict[str, Any]], not_this: str) -> Dict[str, Any]:
    """The model's best intent other than `not_this` and the alarms; nlu_fallback when that one is unsure too."""
    for other in ranking:
        if other.get("name") not in ALARMS | {not_this, "nlu_fallback"}:
            confidence = other.get("confidence") or 0.0
            return {"name": other["name"] if confidence >= FALLBACK_BELOW else "nlu_fallback", "confidence": confidence}
    return {"name": "nlu_fallback", "confidence": 0.0}


# Not understood: the fallback, out of scope, another language, or a topic the model is far from sure of.
NOT_UNDERSTOOD = {"nlu_fallback", "out_of_scope", "other_language"}
UNSURE_TOPIC_BELOW = 0.6


def not_understood(decided: Optional[str], intent: Dict[str, Any]) -> bool:
    if decided == "other_language":
        return True
    name, confidence = intent.get("name"), intent.get("confidence") or 0.0
    return name in NOT_UNDERSTOOD or confidence < UNSURE_TOPIC_BELOW


def unsure_alarm(intent: Dict[str, Any], ranking: List[Dict[str, Any]]) -> Optional[str]:
    """The danger the model saw but is not sure of (the plain checks did not see it), or None.

    When unsure whether someone is in danger, the assistant checks in kindly with the numbers: a miss costs far more
    than a gentle question. Suicidal thoughts and self-harm the model names above the fallback threshold keep their
    own answer; an emergency or threat below SURE, and any danger that is the model's first guess under a fallback,
    get the check-in."""
    name, confidence = intent.get("name"), intent.get("confidence") or 0.0
    if name in ALARMS:
        return name if name in ("emergency", "threat") and confidence < SURE else None
    if name == "nlu_fallback":
        first = next((r for r in ranking if r.get("name") != "nlu_fallback"), {})
        if first.get("name") in ALARMS:
            return first["name"]
    return None
