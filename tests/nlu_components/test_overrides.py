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


def _classified(text, intent, confidence, ranking):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": confidence},
                            "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]})
    IntentOverrides().process([message])
    return message.get("intent")


def test_an_unsure_emergency_the_plain_checks_did_not_see_takes_the_next_intent():
    ranking = [("emergency", 0.6), ("inform", 0.5), ("faq", 0.1)]
    assert _classified("fillers in mijn lippen", "emergency", 0.6, ranking) == {"name": "inform", "confidence": 0.5}


def test_when_the_next_intent_is_unsure_too_it_asks_what_was_meant():
    ranking = [("threat", 0.87), ("deny", 0.02)]
    assert _classified("fillers in mijn lippen", "threat", 0.87, ranking)["name"] == "nlu_fallback"


def test_a_sure_model_and_suicidal_thoughts_are_kept():
    assert _classified("mijn lip wordt raar", "emergency", 0.95, [("emergency", 0.95)])["name"] == "emergency"
    assert _classified("het heeft allemaal geen nut", "suicidal", 0.5,
                       [("suicidal", 0.5), ("faq", 0.4)])["name"] == "suicidal"
    # the plain check sees it: always the alarm, whatever the model said
    assert _classified("ik bloed heel erg", "faq", 0.9, [("faq", 0.9)])["name"] == "emergency"
