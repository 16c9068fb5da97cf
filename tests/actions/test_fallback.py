"""Did-you-mean buttons for messages the assistant is unsure about, and the person after two misses."""
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import (FIRST_MESSAGE, HUMAN_BUTTON, INTENT_BUTTONS, ActionSuggestTopics,
                              fallback_reply, misses_in_a_row, suggestions)
from quality.readability import answer_body, problems

RESPONSES = {
    "utter_faq/zwijg_nietig": [{"text": "Nee. ...", "metadata": {"title": "Is een zwijgcontract geldig?"}}],
    "utter_faq/bureau_klacht": [
        {"text": "...", "metadata": {"title": "Waar kan ik klagen over een bemiddelingsbureau?"}}],
    "utter_faq/bureau_buitenland": [
        {"text": "...", "metadata": {"title": "Geldt de Nederlandse wet voor een kliniek in Turkije?"}}],
    "utter_faq/zonder_titel": [{"text": "..."}],
    "utter_faq/zwijg_dubbel": [{"text": "...", "metadata": {"title": "Is een zwijgcontract geldig?"}}],
    "utter_greet": [{"text": "Hallo"}],
}


def parse(intents, faq_ranking=(), text="blub"):
    return {
        "text": text,
        "intent": {"name": "nlu_fallback", "confidence": 0.45},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in intents],
        "response_selector": {
            "all_retrieval_intents": ["faq"],
            "faq": {"response": {}, "ranking": [
                {"id": i, "confidence": c, "intent_response_key": k} for i, (k, c) in enumerate(faq_ranking)]},
        },
    }


def titles(buttons):
    return [b["title"] for b in buttons]


def test_faq_topics_show_their_title_and_send_it():
    data = parse([("nlu_fallback", 0.45), ("faq", 0.4), ("greet", 0.1)],
                 [("faq/zwijg_nietig", 0.7), ("faq/bureau_klacht", 0.3), ("faq/bureau_buitenland", 0.3)])
    found = suggestions(data, RESPONSES)
    assert found == [
        {"title": "Is een zwijgcontract geldig?", "payload": "Is een zwijgcontract geldig?"},
        {"title": "Waar kan ik klagen over een bemiddelingsbureau?",
         "payload": "Waar kan ik klagen over een bemiddelingsbureau?"},
        {"title": "Geldt de Nederlandse wet voor een kliniek in Turkije?",
         "payload": "Geldt de Nederlandse wet voor een kliniek in Turkije?"},
    ]


def test_faq_topics_and_guided_help_are_ranked_together():
    data = parse([("nlu_fallback", 0.45), ("ask_deadline", 0.35), ("faq", 0.3), ("start_complaint_route", 0.2)],
                 [("faq/zwijg_nietig", 0.9), ("faq/bureau_klacht", 0.1)])
    found = suggestions(data, RESPONSES)
    assert titles(found) == ["Tot wanneer heeft de kliniek?", "Is een zwijgcontract geldig?", "Waar kan ik klagen?"]
    assert found[0]["payload"] == "/ask_deadline" and found[2]["payload"] == "/start_complaint_route"


@pytest.mark.parametrize("intent", ["greet", "goodbye", "thank", "affirm", "deny", "inform", "out_of_scope",
                                    "nlu_fallback", "emergency", "restart"])
def test_basics_are_never_suggested(intent):
    data = parse([(intent, 0.9), ("ask_law_article", 0.05)])
    assert titles(suggestions(data, RESPONSES)) == ["Wat zegt de wet?"]


def test_topics_without_title_or_duplicate_titles_are_skipped():
    data = parse([("faq", 0.9)], [("faq/zonder_titel", 0.5), ("faq/zwijg_nietig", 0.3), ("faq/zwijg_dubbel", 0.15),
                                  ("faq/bureau_klacht", 0.05)])
    assert titles(suggestions(data, RESPONSES)) == ["Is een zwijgcontract geldig?",
                                                    "Waar kan ik klagen over een bemiddelingsbureau?"]


def test_a_far_less_likely_third_topic_is_left_out():
    data = parse([("faq", 0.9)], [("faq/zwijg_nietig", 0.7), ("faq/bureau_klacht", 0.2), ("faq/bureau_buitenland", 0.1)])
    assert titles(suggestions(data, RESPONSES)) == ["Is een zwijgcontract geldig?",
                                                    "Waar kan ik klagen over een bemiddelingsbureau?"]


def test_at_most_three_and_no_unlikely_tail():
    data = parse([("faq", 0.5), ("capabilities", 0.3), ("ask_law_article", 0.2), ("human_handoff", 0.1),
                  ("start_complaint_route", 0.05)], [("faq/zwijg_nietig", 0.9)])
    assert len(suggestions(data, RESPONSES)) == 3
    data = parse([("ask_deadline", 0.9), ("capabilities", 0.05), ("ask_law_article", 0.01)])
    assert titles(suggestions(data, RESPONSES)) == ["Tot wanneer heeft de kliniek?", "Wat kun je allemaal?"]


def test_guided_intents_map_to_fixed_buttons():
    assert INTENT_BUTTONS["start_complaint_route"] == {"title": "Waar kan ik klagen?",
                                                       "payload": "/start_complaint_route"}
    assert INTENT_BUTTONS["ask_deadline"] == {"title": "Tot wanneer heeft de kliniek?", "payload": "/ask_deadline"}
    assert INTENT_BUTTONS["ask_law_article"] == {"title": "Wat zegt de wet?", "payload": "/ask_law_article"}
    assert set(INTENT_BUTTONS) == {"start_complaint_route", "ask_deadline", "ask_law_article", "human_handoff",
                                   "capabilities"}


def test_empty_parse_data():
    assert suggestions({}, RESPONSES) == []
    assert suggestions(None, {}) == []


def test_first_reply_asks_did_you_mean_with_a_person_button():
    data = parse([("faq", 0.6)], [("faq/zwijg_nietig", 0.8), ("faq/bureau_klacht", 0.2)])
    reply = fallback_reply(data, RESPONSES, misses_before=0)
    assert reply["text"] == FIRST_MESSAGE
    assert reply["buttons"][-1] == HUMAN_BUTTON == {"title": "Ik wil een mens spreken", "payload": "/human_handoff"}
    assert len(reply["buttons"]) == 3


def test_second_reply_in_a_row_names_the_lmz_and_keeps_buttons():
    data = parse([("faq", 0.6)], [("faq/zwijg_nietig", 0.8)])
    reply = fallback_reply(data, RESPONSES, misses_before=1)
    assert "088 - 120 50 20" in reply["text"] and "9:00 tot 17:00" in reply["text"]
    assert "niet" in reply["text"] and "Bron:" in reply["text"]
    assert titles(reply["buttons"]) == ["Is een zwijgcontract geldig?", "Ik wil een mens spreken"]


def test_reply_without_suggestions_still_offers_buttons():
    reply = fallback_reply({}, RESPONSES, 0)
    assert reply["buttons"] and reply["buttons"][-1] == HUMAN_BUTTON
    assert "anders zeggen" in reply["text"]


def test_the_person_button_is_not_doubled():
    reply = fallback_reply(parse([("human_handoff", 0.8)]), RESPONSES, 0)
    assert [b["payload"] for b in reply["buttons"]].count("/human_handoff") == 1


@pytest.mark.parametrize("misses", [0, 1, 2])
def test_replies_read_at_b1(misses):
    assert problems(answer_body(fallback_reply({}, RESPONSES, misses)["text"])) == []


def user(intent):
    return {"event": "user", "text": "x", "parse_data": {"intent": {"name": intent}}}


def test_misses_in_a_row(tracker_for):
    latest = user("nlu_fallback")
    assert misses_in_a_row(tracker_for("blub", events=[latest])) == 0
    assert misses_in_a_row(tracker_for("blub", events=[user("nlu_fallback"), latest])) == 1
    in_a_row = [user("nlu_fallback"), {"event": "action", "name": "action_suggest_topics"}, user("nlu_fallback"), latest]
    assert misses_in_a_row(tracker_for("blub", events=in_a_row)) == 2
    between = [user("nlu_fallback"), user("faq"), latest]
    assert misses_in_a_row(tracker_for("blub", events=between)) == 0


async def test_action_suggest_topics_offers_topics_then_a_person(tracker_for):
    data = parse([("faq", 0.6)], [("faq/zwijg_nietig", 0.8)])
    domain = {"responses": RESPONSES}
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("blub", intent="nlu_fallback", parse_data=data, events=[user("nlu_fallback")])
    assert await ActionSuggestTopics().run(dispatcher, tracker, domain) == []
    assert dispatcher.messages[0]["text"] == FIRST_MESSAGE
    assert titles(dispatcher.messages[0]["buttons"]) == ["Is een zwijgcontract geldig?", "Ik wil een mens spreken"]

    dispatcher = CollectingDispatcher()
    tracker = tracker_for("blab", intent="nlu_fallback", parse_data=data,
                          events=[user("nlu_fallback"), user("nlu_fallback")])
    await ActionSuggestTopics().run(dispatcher, tracker, domain)
    assert "088 - 120 50 20" in dispatcher.messages[0]["text"]


def test_every_action_of_the_domain_exists(project_domain):
    from rasa_sdk.executor import ActionExecutor
    executor = ActionExecutor()
    executor.register_package("actions")
    registered = set(executor.actions)
    custom = {a for a in project_domain["actions"] if a.startswith(("action_", "validate_"))}
    assert custom <= registered, custom - registered
