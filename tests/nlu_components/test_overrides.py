from rasa.shared.nlu.training_data.message import Message

from nlu_components.overrides import IntentOverrides, decide


def test_safety_comes_first():
    assert decide("mijn bsn is 111222333 en ik bloed heel erg") == "emergency"
    assert decide("ze bedreigen me en ik wil niet meer leven") == "suicidal"


def test_other_checks_in_order():
    assert decide("mail me op a@b.nl over artikel 17") == "share_personal_data"
    assert decide("what does article 17 say") == "other_language"
    assert decide("wat zegt artikel 17") == "ask_law_article"
    assert decide("klacht ingediend op 3 maart 2026") == "ask_deadline"
    assert decide("is een zwijgcontract geldig") is None
    assert decide('/inform{"route_place": "nederland"}') is None


def test_component_sets_the_intent_and_leaves_others_alone():
    certain = Message(data={"text": "ik wil niet meer leven", "intent": {"name": "faq", "confidence": 0.9}})
    unsure = Message(data={"text": "is een zwijgcontract geldig", "intent": {"name": "faq", "confidence": 0.9}})
    IntentOverrides().process([certain, unsure])
    assert certain.get("intent") == {"name": "suicidal", "confidence": 1.0}
    assert unsure.get("intent")["name"] == "faq"


def test_unreadable_after_safety_and_personal_data():
    assert decide("") == "unreadable"
    assert decide("x" * 5000) == "unreadable"
    assert decide("ik wil niet meer leven " * 200) == "suicidal"
    assert decide("06-12345678") == "share_personal_data"
