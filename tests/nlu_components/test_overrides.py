from rasa.shared.nlu.training_data.message import Message

from nlu_components.overrides import IntentOverrides, assess, decide


def test_safety_comes_first():
    assert decide("mijn bsn is 111222333 en ik bloed heel erg") == "emergency"
    assert decide("ze bedreigen me en ik wil niet meer leven") == "suicidal"
    assert decide("ik snij mezelf weer sinds die operatie") == "self_harm"


def test_other_checks_in_order():
    assert decide("mail me op a@b.nl over artikel 17") == "share_personal_data"
    assert decide("what does article 17 say") == "other_language"
    assert decide("wat zegt artikel 17") == "ask_law_article"
    assert decide("klacht ingediend op 3 maart 2026") == "ask_deadline"
    assert decide("is een zwijgcontract geldig") is None
    assert decide('/inform{"route_place": "nederland"}') is None


def test_english_danger_gets_its_intent_and_says_it_is_english():
    assert assess("honestly i want to kill myself after what that surgeon did") == (
        "suicidal", {"kind": "suicidal", "language": "en"})
    intent, info = assess("I am bleeding a lot after my surgery")
    assert intent == "emergency" and info["language"] == "en"


def test_a_symptom_told_as_over_asks_for_the_question_with_a_safety_line():
    story = ("een jaar geleden kon ik na mijn neuscorrectie slecht ademen, nu gaat het goed. "
             "maar ik heb een zwijgcontract getekend, is dat geldig?")
    assert assess(story) == ("safety_check", {"kind": "past_symptoms", "language": "nl"})


def test_component_sets_the_intent_and_leaves_others_alone():
    certain = Message(data={"text": "ik wil niet meer leven", "intent": {"name": "faq", "confidence": 0.9}})
    unsure = Message(data={"text": "is een zwijgcontract geldig", "intent": {"name": "faq", "confidence": 0.9}})
    IntentOverrides().process([certain, unsure])
    assert certain.get("intent") == {"name": "suicidal", "confidence": 1.0}
    assert certain.get("safety") == {"kind": "suicidal", "language": "nl"}
    assert unsure.get("intent")["name"] == "faq"
    assert unsure.get("safety") is None


def test_unreadable_after_safety_and_personal_data():
    assert decide("") == "unreadable"
    assert decide("x" * 5000) == "unreadable"
    assert decide("ik wil niet meer leven " * 200) == "suicidal"
    assert decide("06-12345678") == "share_personal_data"


def _classified(text, intent, confidence, ranking):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": confidence},
                            "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]})
    IntentOverrides().process([message])
    return message


def test_an_unsure_emergency_or_threat_gets_a_check_in_not_silence():
    message = _classified("fillers in mijn lippen", "emergency", 0.6, [("emergency", 0.6), ("faq", 0.3)])
    assert message.get("intent")["name"] == "safety_check"
    assert message.get("safety") == {"kind": "check", "model": "emergency"}
    assert _classified("hij is er weer", "threat", 0.87, [("threat", 0.87)]).get("intent")["name"] == "safety_check"


def test_danger_as_the_first_guess_under_a_fallback_gets_a_check_in():
    message = _classified("het is allemaal zo zwaar", "nlu_fallback", 0.45,
                          [("nlu_fallback", 0.45), ("suicidal", 0.3), ("faq", 0.2)])
    assert message.get("intent")["name"] == "safety_check"
    quiet = _classified("blablabla", "nlu_fallback", 0.45, [("nlu_fallback", 0.45), ("faq", 0.3), ("suicidal", 0.2)])
    assert quiet.get("intent")["name"] == "nlu_fallback"


def test_a_sure_model_and_suicidal_thoughts_are_kept():
    assert _classified("mijn lip wordt raar", "emergency", 0.95, [("emergency", 0.95)]).get("intent")["name"] == "emergency"
    assert _classified("het heeft allemaal geen nut", "suicidal", 0.5,
                       [("suicidal", 0.5), ("faq", 0.4)]).get("intent")["name"] == "suicidal"
    # the plain check sees it: always the alarm, whatever the model said
    assert _classified("ik bloed heel erg", "faq", 0.9, [("faq", 0.9)]).get("intent")["name"] == "emergency"


def test_english_danger_the_model_saw_is_taken_in_english():
    message = _classified("they said i would regret it and now they are outside", "threat", 0.7,
                          [("threat", 0.7), ("other_language", 0.2)])
    assert message.get("intent")["name"] == "threat"
    assert message.get("safety") == {"kind": "threat", "language": "en"}


def test_a_message_not_understood_with_a_danger_word_gets_a_check_in_and_a_figure_of_speech_does_not():
    worried = _classified("de pillen van mijn moeder liggen hier", "nlu_fallback", 0.45,
                          [("nlu_fallback", 0.45), ("faq", 0.3)])
    assert worried.get("intent")["name"] == "safety_check"
    assert worried.get("safety")["model"] == "weak_signal"
    joke = _classified("ik schrok me dood van die rekening", "nlu_fallback", 0.45, [("nlu_fallback", 0.45)])
    assert joke.get("intent")["name"] == "nlu_fallback"
    understood = _classified("hoeveel bloed verlies je bij een lipo", "faq", 0.93, [("faq", 0.93)])
    assert understood.get("intent")["name"] == "faq"


def test_the_models_alarm_on_a_joke_or_legal_pressure_takes_the_next_intent():
    joke = _classified("mijn schoonmoeder maakt me af als ze de prijs hoort lol", "threat", 0.95,
                       [("threat", 0.95), ("faq", 0.5)])
    assert joke.get("intent")["name"] == "faq"
    legal = _classified("er stond een deurwaarder aan de deur met een dagvaarding van de kliniek", "threat", 0.93,
                        [("threat", 0.93), ("faq", 0.3)])
    assert legal.get("intent")["name"] == "nlu_fallback"


def test_the_models_emergency_in_a_story_of_the_past_answers_the_question_with_a_line():
    story = ("in 2021 had ik na mijn neuscorrectie een nabloeding, daarna nooit meer last gehad. "
             "mag de kliniek mij laten tekenen dat ik er nooit over praat?")
    message = _classified(story, "emergency", 0.8, [("emergency", 0.8), ("faq", 0.15)])
    assert message.get("intent")["name"] == "safety_check"
    assert message.get("safety")["kind"] == "past_symptoms"


def test_a_faint_emergency_guess_without_a_danger_word_is_no_check_in():
    message = _classified("hoe lang blijft filler zitten?", "nlu_fallback", 0.45,
                          [("nlu_fallback", 0.45), ("emergency", 0.4), ("faq", 0.35)])
    assert message.get("intent")["name"] == "nlu_fallback"


def test_the_models_guess_of_suicidal_thoughts_in_a_plain_question_about_the_clinic_is_a_check_in():
    message = _classified("ik wil niet meer naar die kliniek, waar kan ik anders klagen?", "suicidal", 0.7,
                          [("suicidal", 0.7), ("faq", 0.2)])
    assert message.get("intent")["name"] == "safety_check"
    assert message.get("safety") == {"kind": "check", "model": "suicidal"}
    sure = _classified("ik wil niet meer, die kliniek heeft alles kapot gemaakt", "suicidal", 0.95, [("suicidal", 0.95)])
    assert sure.get("intent")["name"] == "suicidal"
