from rasa.shared.nlu.training_data.message import Message

from nlu_components.topic_fallback import TopicFallback, topic_confidence, unsure_of_topic


def parse(intent, *confidences):
    return {"intent": {"name": intent, "confidence": 1.0},
            "response_selector": {"faq": {"ranking": [{"intent_response_key": f"faq/t{i}", "confidence": c}
                                                      for i, c in enumerate(confidences)]}}}


def test_topic_confidence():
    assert topic_confidence(parse("faq", 0.6, 0.1)) == 0.6
    assert topic_confidence({"intent": {"name": "faq"}}) == 0.0


def test_only_unsure_faq_messages_fall_back():
    assert unsure_of_topic(parse("faq", 0.09, 0.04), 0.15)
    assert not unsure_of_topic(parse("faq", 0.6, 0.1), 0.15)
    assert not unsure_of_topic(parse("greet", 0.01), 0.15)


def test_component_turns_an_unsure_topic_into_nlu_fallback_and_keeps_the_ranking():
    unsure = Message(data={"text": "x", **parse("faq", 0.09, 0.05)})
    sure = Message(data={"text": "y", **parse("faq", 0.7, 0.05)})
    TopicFallback({"threshold": 0.15}).process([unsure, sure])
    assert unsure.get("intent")["name"] == "nlu_fallback"
    assert unsure.get("response_selector")["faq"]["ranking"][0]["confidence"] == 0.09
    assert sure.get("intent")["name"] == "faq"
