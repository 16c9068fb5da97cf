"""Urgent help as a state of the conversation: the first answer, and the turns after it read in the crisis."""
import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.safety import (PIN, ActionCrisisFollowup, ActionSafety, first_reply, followup_reply, followup_text, gateway_text,
                            kind_text, read_followup)
from tests.actions.conftest import make_tracker


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {"responses": {}}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _texts(messages):
    return "\n".join(m.get("text") or "" for m in messages)


def _faq_parse(key="faq/klacht_indienen", confidence=0.9, text="mag ik klagen bij de kliniek?"):
    return {"text": text, "intent": {"name": "faq", "confidence": confidence},
            "intent_ranking": [{"name": "faq", "confidence": confidence}, {"name": "affirm", "confidence": 0.05}],
            "response_selector": {"faq": {"response": {"intent_response_key": key}}}}


def test_suicidal_thoughts_get_113_chat_and_phone_and_112_and_the_crisis_is_remembered():
    tracker = make_tracker("het hoeft voor mij allemaal niet meer", intent="suicidal",
                           parse_data={"safety": {"kind": "suicidal", "language": "nl"}})
    messages, slots = _run(ActionSafety(), tracker)
    text = _texts(messages)
    for needed in ("113.nl", "0800-0113", "dag en nacht", "112", "Bron: 113 Zelfmoordpreventie"):
        assert needed in text
    assert "Politie · https://www.politie.nl" in text  # 112 is sourced to the police, 113 to 113
    assert slots == {"crisis": "suicidal", "in_crisis": True, "crisis_language": "nl"}
    assert {"custom": PIN} in [{"custom": m.get("custom")} for m in messages]


def test_an_english_crisis_is_answered_in_english_with_the_dutch_numbers():
    reply = first_reply("suicidal", {"text": "i want to die", "safety": {"kind": "suicidal", "language": "en"}},
                        None, {})
    assert "0800-0113" in reply.texts[0] and "Call 112" in reply.texts[0] and "Bron" not in reply.texts[0]


def test_self_harm_names_the_huisarts_and_113_without_claiming_113_is_for_self_harm():
    text = kind_text("self_harm")
    assert "huisarts" in text and "Denk je ook aan zelfdoding?" in text and "112" in text


def test_a_threat_gets_112_now_and_the_police_number_and_evidence():
    text = kind_text("threat")
    assert "112" in text and "0900-8844" in text and "aangifte" in text


def test_the_emergency_text_says_112_works_in_the_eu_and_is_not_sourced_to_the_police_alone():
    text = kind_text("emergency")
    assert "112" in text and "EU" in text and "huisartsenpost" in text
    assert "Huisartsenpost" in text.split("Bron:")[1]


def test_a_medical_worry_goes_to_the_clinic_or_huisarts_and_offers_the_complaint_route():
    reply = first_reply("medical_worry", {"text": "moet ik naar de huisarts?"}, None, {})
    assert "kliniek" in reply.texts[0] and "huisarts" in reply.texts[0]
    assert {e["name"]: e["value"] for e in reply.events}["crisis"] == "medical_worry"
    assert reply.buttons == [{"title": "Waar kan ik klagen?", "payload": "/start_complaint_route"}]


def test_in_a_crisis_yes_to_direct_danger_is_112_now():
    reply = followup_reply("affirm", {"text": "ja echt", "intent": {"name": "affirm"}}, "suicidal", "nl")
    text = "\n".join(reply.texts)
    assert text.startswith("Bel nu meteen 112.") and "113.nl" in text and "088" not in text
    assert reply.events == []  # still in the crisis: "ik wil niet bellen" next still gets the 113 chat
    chat = followup_reply("human_handoff", {"text": "ik wil niet bellen"}, "suicidal", "nl")
    assert "chatten met 113" in chat.texts[0]


def test_thanks_with_a_question_in_a_crisis_answers_the_question():
    reply = followup_reply("thank", _faq_parse("faq/klacht_indienen", 0.7, "dankje. hoe dien ik een klacht in tegen die kliniek?"),
                           "suicidal", "nl")
    assert reply.faq == "utter_faq/klacht_indienen" and "113" in reply.texts[0]


def test_in_a_crisis_not_wanting_to_call_gets_the_113_chat():
    for said in ("nee ik wil niet bellen", "kan ik ook chatten met iemand?"):
        reply = followup_reply("human_handoff", {"text": said}, "suicidal", "nl")
        assert "chatten met 113" in reply.texts[0] and "113.nl" in reply.texts[0]


def test_after_a_medical_emergency_the_weekend_gets_the_huisartsenpost_and_abroad_gets_112_in_the_eu():
    weekend = followup_reply("inform", {"text": "het is zaterdagavond"}, "emergency", "nl").texts[0]
    assert "huisartsenpost" in weekend and "112" in weekend
    abroad = followup_reply("nlu_fallback", {"text": "ik zit in een hotel in antalya"}, "emergency", "nl").texts[0]
    assert "elk land van de EU" in abroad and "huisarts" in abroad


def test_after_a_threat_the_police_question_gets_aangifte_and_0900_8844():
    text = followup_reply("nlu_fallback", {"text": "moet ik naar de politie?"}, "threat", "nl").texts[0]
    assert "aangifte" in text and "0900-8844" in text and "112" in text


def test_thanks_in_a_crisis_says_goodbye_with_the_line_and_keeps_the_crisis():
    reply = followup_reply("thank", {"text": "dankje"}, "suicidal", "nl")
    assert "113" in reply.texts[0] and reply.events == []


def test_going_back_to_the_question_ends_the_crisis_reading_and_keeps_the_line():
    reply = followup_reply("nlu_fallback", {"text": "terug naar mijn vraag"}, "suicidal", "nl")
    assert {"event": "slot", "name": "in_crisis", "value": False, "timestamp": None} in reply.events
    assert "113" in reply.texts[0] and reply.pin


def test_a_clear_question_of_their_own_in_a_crisis_is_answered_with_the_line_after_it():
    reply = followup_reply("faq", _faq_parse(), "suicidal", "nl")
    assert reply.faq == "utter_faq/klacht_indienen" and reply.faq_first
    assert "113" in reply.texts[0]


def test_an_unsure_question_in_a_crisis_is_read_in_the_crisis():
    reply = followup_reply("faq", _faq_parse(confidence=0.3, text="en dan?"), "suicidal", "nl")
    assert reply.faq is None and "113" in reply.texts[0]


def test_a_check_in_answers_the_question_too_and_yes_it_is_fine_ends_it():
    parse = dict(_faq_parse(), safety={"kind": "check", "model": "emergency"})
    reply = first_reply("safety_check", parse, None, {})
    assert reply.faq == "utter_faq/klacht_indienen" and not reply.faq_first
    assert reply.texts[0].rstrip().split("\n\n")[0].endswith("Gaat het op dit moment goed met je?")
    fine = followup_reply("affirm", {"text": "ja hoor"}, "check", "nl")
    assert fine.events and "Goed om te horen" in fine.texts[0]
    not_fine = followup_reply("deny", {"text": "nee"}, "check", "nl")
    assert "113" in not_fine.texts[0] and not_fine.events[0]["value"] == "suicidal"


def test_a_symptom_that_is_over_gets_the_answer_first_and_one_line():
    parse = dict(_faq_parse("faq/zwijgcontract_geldig"), safety={"kind": "past_symptoms", "language": "nl"})
    reply = first_reply("safety_check", parse, None, {})
    assert reply.faq == "utter_faq/zwijgcontract_geldig" and reply.faq_first
    assert reply.texts == [kind_text("past_symptoms")]
    # "Heb je die nu nog?": what comes next is read as a medical worry; "nee" ends it kindly
    assert {e["name"]: e["value"] for e in reply.events}["crisis"] == "medical_worry"
    no = followup_reply("deny", {"text": "nee hoor"}, "medical_worry", "nl")
    assert "Goed om te horen" in no.texts[0] and no.events[0]["value"] is False
    yes = followup_reply("affirm", {"text": "ja nog steeds"}, "medical_worry", "nl")
    assert "huisarts" in yes.texts[0]


def test_follow_ups_are_read_as_people_write_them():
    assert read_followup("ik heb 113 gebeld maar ze nemen niet op") == "after_hours"
    assert read_followup("ik heb net iemand gebeld, het gaat wel weer") == "back"
    assert read_followup("het gaat niet goed") is None
    assert read_followup("i dont want to call") == "chat"
    assert read_followup("ja echt") is None


def test_the_crisis_follow_up_action_uses_the_remembered_crisis():
    tracker = make_tracker("het is zondagnacht", intent="nlu_fallback",
                           slots={"crisis": "emergency", "in_crisis": True, "crisis_language": "nl"})
    messages, _ = _run(ActionCrisisFollowup(), tracker)
    assert "huisartsenpost" in _texts(messages)


def test_the_gateway_names_112_113_and_the_huisartsenpost():
    text = gateway_text()
    for needed in ("112", "113", "0800-0113", "huisarts", "huisartsenpost"):
        assert needed in text


def _ranked(intent, confidence, text):
    return {"text": text, "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}]}


def test_guided_help_asked_for_in_so_many_words_starts_from_a_crisis_with_the_line_first():
    reply = followup_reply("start_complaint_route", _ranked("start_complaint_route", 0.95,
                           "ik wil nu een klacht indienen tegen die kliniek"), "suicidal", "nl")
    assert reply.guided == "start_complaint_route" and "113" in reply.texts[0]
    assert reply.events[0]["name"] == "in_crisis" and reply.events[0]["value"] is False
    messages, _ = _run_reply(reply)
    assert messages[-1] == {"event": "followup", "name": "complaint_route_form", "timestamp": None}


def test_what_to_do_now_in_a_crisis_is_no_complaint_route():
    reply = followup_reply("start_complaint_route", _ranked("start_complaint_route", 0.9, "wat moet ik nu doen"),
                           "suicidal", "nl")
    assert reply.guided is None and "113.nl" in reply.texts[0]


def test_a_story_with_a_past_symptom_and_a_clause_question_starts_the_clause_check():
    parse = {"text": "in 2021 ben ik flauwgevallen, nu is alles goed. mag die clausule?",
             "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "check_clause", "confidence": 0.4}],
             "safety": {"kind": "past_symptoms", "language": "nl"}}
    reply = first_reply("safety_check", parse, None, {})
    assert reply.guided == "check_clause" and reply.buttons == []


def _run_reply(reply):
    from actions.safety import send
    dispatcher = CollectingDispatcher()
    return send(dispatcher, reply), dispatcher.messages


def test_the_question_that_comes_with_it_goes_better_is_answered_after_the_line():
    parse = {"text": "het gaat nu weer beter, ik heb met iemand gepraat. hoe dien ik een klacht in tegen die kliniek?",
             "intent": {"name": "suicidal", "confidence": 0.6},
             "intent_ranking": [{"name": "suicidal", "confidence": 0.6},
                                {"name": "start_complaint_route", "confidence": 0.3}]}
    reply = followup_reply("suicidal", parse, "suicidal", "nl")
    assert reply.guided == "start_complaint_route" and "113" in reply.texts[0]
    assert reply.events[0]["value"] is False


def test_a_lesser_signal_does_not_downgrade_the_crisis():
    tracker = make_tracker("moet ik naar de huisarts of kan het wachten tot maandag", intent="medical_worry",
                           slots={"crisis": "emergency", "in_crisis": True, "crisis_language": "nl"},
                           parse_data={"safety": {"kind": "medical_worry", "language": "nl"}})
    messages, slots = _run(ActionSafety(), tracker)
    assert "Wacht hier niet mee" in _texts(messages) and "Waar kan ik klagen" not in str(messages)
    assert slots.get("crisis") is None and slots["in_crisis"] is True
    bleeding = make_tracker("het bloedt nog een beetje", intent="medical_worry",
                            slots={"crisis": "self_harm", "in_crisis": True, "crisis_language": "nl"})
    messages, _ = _run(ActionSafety(), bleeding)
    assert "Ben je ernstig gewond? Bel dan 112." in _texts(messages)


def test_a_question_of_their_own_in_a_crisis_is_answered_with_the_line_under_it():
    parse = dict(_faq_parse("faq/zwijgcontract_geldig", 0.4, "en mag dat eigenlijk, dat zwijgcontract?"))
    reply = followup_reply("faq", parse, "threat", "nl")
    assert reply.faq == "utter_faq/zwijgcontract_geldig" and "0900-8844" in reply.texts[0]
    assert not reply.texts[0].startswith("Goed")


def test_in_an_emergency_a_bare_statement_is_no_topic_question():
    parse = dict(_faq_parse("faq/geschil_wanneer", 0.8, "de kliniek zegt dat het normaal is"))
    reply = followup_reply("faq", parse, "emergency", "nl")
    assert reply.faq is None and "112" in reply.texts[0]


def test_after_an_english_crisis_a_short_english_question_stays_english():
    reply = followup_reply("nlu_fallback", {"text": "is 112 working in belgium?"}, "emergency", "en")
    assert "112" in reply.texts[0] and "EU" in reply.texts[0] and "Bel" not in reply.texts[0]


def test_abroad_never_suggests_that_112_does_not_work():
    for text in (followup_text("medical", "abroad"), kind_text("emergency")):
        assert "Probeer 112" in text


def test_held_abroad_the_embassy_question_gets_the_24_7_contact_centre():
    reply = followup_reply("nlu_fallback", {"text": "kan de nederlandse ambassade helpen?"}, "threat", "nl")
    assert "+31 247 247 247" in reply.texts[0] and "112" in reply.texts[0]


def test_self_harm_follow_ups_are_not_the_same_text_again():
    reply = followup_reply("nlu_fallback", {"text": "ik wil niet naar de huisarts, die oordeelt"}, "self_harm", "nl")
    assert reply.texts[0] != kind_text("self_harm") and "iemand die je vertrouwt" in reply.texts[0]


def test_an_attempt_that_has_begun_gets_112_now():
    reply = first_reply("suicidal", {"text": "ik heb net een hele strip slaappillen genomen",
                                     "safety": {"kind": "attempt", "language": "nl"}}, None, {})
    assert reply.texts[0].startswith("Bel nu meteen 112.") and "113" in reply.texts[0]


def test_after_a_threat_he_is_gone_gets_the_report_and_112_if_he_comes_back():
    reply = followup_reply("nlu_fallback", {"text": "hij is weg nu"}, "threat", "nl")
    assert "aangifte" in reply.texts[0] and "Komt hij terug" in reply.texts[0]


def test_a_plain_question_in_a_crisis_that_the_model_knows_is_answered():
    parse = _faq_parse("faq/filler_duur", 0.8, "hoe lang duurt het voordat fillers oplossen eigenlijk")
    reply = followup_reply("faq", parse, "self_harm", "nl")
    assert reply.faq == "utter_faq/filler_duur" and "113" in reply.texts[0]


def test_someone_else_at_risk_gets_112_for_them_and_113_for_advice():
    reply = first_reply("suicidal", {"text": "mijn vriendin appte dat ze er vanavond een eind aan maakt",
                                     "safety": {"kind": "other_at_risk", "language": "nl"}}, None, {})
    assert reply.texts[0].startswith("Denk je dat iemand zich nu iets aandoet? Bel dan meteen 112")
    assert "zorgen maakt om iemand anders" in reply.texts[0]


def test_after_an_attempt_every_answer_keeps_112_now():
    reply = followup_reply("affirm", {"text": "ik wil niet dat er iemand komt"}, "attempt", "nl")
    assert reply.texts[0].startswith("Bel nu meteen 112.")


def test_in_a_check_in_only_words_that_say_it_goes_well_end_it():
    assert followup_reply("affirm", {"text": "ze neemt niet op"}, "check", "nl").texts[0] != \
        followup_text("check", "fine")
    assert followup_reply("affirm", {"text": "ja hoor"}, "check", "nl").texts[0] == followup_text("check", "fine")


def test_someone_elses_crisis_is_remembered_as_theirs():
    reply = followup_reply("nlu_fallback", {"text": "ze neemt haar telefoon niet op en ze stuurde afscheid"},
                           "other_at_risk", "nl")
    assert reply.texts[0].startswith("Denk je dat iemand zich nu iets aandoet? Bel dan meteen 112")


def test_held_abroad_the_first_answer_is_the_police_there_and_the_bz_contact_centre():
    reply = first_reply("threat", {"text": "ze hebben mijn paspoort afgepakt in de kliniek in tunesie"}, None, {})
    assert "+31 247 247 247" in reply.texts[0] and "alarmnummer van dat land" in reply.texts[0]


def test_someone_elses_crisis_told_further_stays_theirs():
    tracker = make_tracker("ze neemt haar telefoon niet op en ze stuurde afscheid", intent="suicidal",
                           slots={"crisis": "other_at_risk", "in_crisis": True, "crisis_language": "nl"},
                           parse_data={"safety": {"kind": "suicidal", "language": "nl"}})
    messages, _ = _run(ActionSafety(), tracker)
    assert _texts(messages).startswith("Denk je dat iemand zich nu iets aandoet? Bel dan meteen 112")
