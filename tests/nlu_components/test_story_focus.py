"""A story of symptoms that are over is read for its question; the whole message stays for the safety checks."""
from rasa.shared.nlu.training_data.message import Message

from nlu_components.overrides import IntentOverrides
from nlu_components.story_focus import StoryFocus, question_part

STORY = ("na mijn bbl in 2022 had ik hoge koorts en lag ik een week in het ziekenhuis, nu ben ik helemaal hersteld. "
         "de kliniek liet me een geheimhoudingsverklaring tekenen, is die geldig?")


def test_the_sentences_about_symptoms_that_are_over_are_left_out():
    assert question_part(STORY) == "de kliniek liet me een geheimhoudingsverklaring tekenen, is die geldig?"
    told = ("toen ik mijn filler kreeg werd mijn lip even wit maar de arts heeft het meteen opgelost, dat was twee "
            "maanden geleden. klopt het dat ik door mijn contract geen review mag schrijven")
    assert question_part(told) == "klopt het dat ik door mijn contract geen review mag schrijven"


def test_a_present_emergency_or_a_plain_question_is_left_as_it_is():
    assert question_part("mijn lip is wit en koud na de filler van vanmiddag, wat moet ik doen?") is None
    assert question_part("is een zwijgcontract geldig?") is None


def test_the_classifiers_get_the_question_and_the_safety_checks_the_whole_story():
    message = Message(data={"text": STORY})
    StoryFocus().process([message])
    assert message.get("text").startswith("de kliniek liet me")
    assert message.get("original_text") == STORY
    message.set("intent", {"name": "faq", "confidence": 0.9})
    IntentOverrides().process([message])
    assert message.get("intent")["name"] == "safety_check"
    assert message.get("safety")["kind"] == "past_symptoms"
