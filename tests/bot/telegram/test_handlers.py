"""bot.telegram.handlers against the fake Bot API and a scripted Rasa, fed real Update JSON."""
from __future__ import annotations

import asyncio
import logging

from bot.conversations import ConversationStore
from bot.privacy import PRIVACY_REPLY
from bot.pseudonym import pseudonymise
from bot.telegram import texts
from bot.telegram.format import MESSAGE_LIMIT, utf16_len

from .conftest import (CHAT_A, CHAT_B, SECRET, SOURCE, callback_update, command_update, document_update,
                       keyboard_of, links, message_update, photo_update, sticker_update, text_update, visible,
                       voice_update)
from ..conftest import store_conversation

SENDER_A = pseudonymise(str(CHAT_A), SECRET, prefix="tg-")
SENDER_B = pseudonymise(str(CHAT_B), SECRET, prefix="tg-")


# --- commands --------------------------------------------------------------------------------------------------
async def test_start_welcomes_says_what_it_covers_and_offers_buttons(channel, telegram, rasa):
    assert await channel.process(command_update("/start"))
    (call,) = telegram.sent()
    text = visible(call.params["text"])
    assert call.params["chat_id"] == CHAT_A and call.params["parse_mode"] == "HTML"
    assert "chatbot" in text and "klacht" in text and "zwijgcontract" in text
    assert "algemene informatie" in text and "geen medisch of juridisch advies" in text
    titles = [title for title, _ in keyboard_of(call)]
    assert titles == [title for title, _ in texts.WELCOME_BUTTONS]
    assert rasa.received == []  # the welcome needs no Rasa


async def test_welcome_button_starts_the_complaint_route(channel, telegram, rasa):
    await channel.process(command_update("/start"))
    data = dict(keyboard_of(telegram.sent()[0]))["Waar kan ik klagen?"]
    telegram.clear()
    assert await channel.process(callback_update(data))
    assert rasa.messages() == ["/start_complaint_route"]
    assert "Waar was de behandeling" in telegram.texts()[0]


async def test_help_and_privacy(channel, telegram, rasa):
    await channel.process(command_update("/help"))
    await channel.process(command_update("/privacy"))
    help_text, privacy_text = telegram.texts()
    assert "/reset" in help_text and "/privacy" in help_text and "088 - 120 50 20" in help_text
    assert "onder een code" in privacy_text and "telefoonnummer" in privacy_text
    assert "Telegram-chatnummer" in privacy_text
    assert rasa.received == []


async def test_reset_restarts_rasa_for_this_chat_only(channel, telegram, rasa):
    await channel.process(text_update("hallo"))
    await channel.process(command_update("/reset"))
    assert rasa.received[-1] == {"sender": SENDER_A, "message": "/restart"}
    assert telegram.texts()[-1] == texts.RESET_DONE


async def test_reset_when_rasa_is_down_apologises_with_a_retry(channel, telegram, rasa):
    rasa.mode = "error"
    await channel.process(command_update("/reset"))
    (call,) = telegram.sent()
    assert "088 - 120 50 20" in visible(call.params["text"])
    rasa.mode = "ok"
    telegram.clear()
    await channel.process(callback_update(keyboard_of(call)[0][1]))
    assert rasa.messages()[-1] == "/restart"
    assert telegram.texts() == [texts.RESET_DONE]


async def test_unknown_commands_and_typed_intents_do_not_reach_rasa(channel, telegram, rasa):
    await channel.process(command_update("/foo"))
    await channel.process(command_update('/inform{"route_place": "nederland"}'))
    assert telegram.texts() == [texts.UNKNOWN_COMMAND, texts.UNKNOWN_COMMAND]
    assert rasa.received == []


# --- a question --------------------------------------------------------------------------------------------------
async def test_question_typing_first_then_the_answer_with_a_clickable_source(channel, telegram, rasa):
    assert await channel.process(text_update("Is een zwijgcontract geldig?"))
    methods = telegram.methods()
    assert methods[0] == "sendChatAction" and telegram.calls[1].params["action"] == "typing"
    assert methods[1:] == ["sendMessage", "sendMessage"]
    answer, source = telegram.sent()
    assert "nietig" in visible(answer.params["text"])
    assert visible(source.params["text"]) == SOURCE
    assert links(source.params["text"]) == [("https://wetten.overheid.nl/BWBR0037173",) * 2]
    assert source.params["link_preview_options"] == {"is_disabled": True}
    assert rasa.received == [{"sender": SENDER_A, "message": "Is een zwijgcontract geldig?",
                              "metadata": {"turn": "tg-500013"}}]  # the update id goes with the message


async def test_rasa_sees_a_pseudonym_never_the_chat_id(channel, rasa):
    await channel.process(text_update("hallo"))
    sender = rasa.received[0]["sender"]
    assert sender == SENDER_A and sender.startswith("tg-") and str(CHAT_A) not in sender


async def test_personal_data_is_removed_and_the_privacy_reply_comes_first(channel, telegram, rasa):
    rasa.answers["mijn bsn is [bsn], bel [telefoonnummer]. Is een zwijgcontract geldig?"] = [
        {"text": PRIVACY_REPLY}, {"text": "Nee, dat is nietig."}]
    await channel.process(text_update("mijn bsn is 111222333, bel 06-12345678. Is een zwijgcontract geldig?"))
    assert rasa.messages() == ["mijn bsn is [bsn], bel [telefoonnummer]. Is een zwijgcontract geldig?"]
    assert telegram.texts() == [PRIVACY_REPLY, "Nee, dat is nietig."]  # said once, first


async def test_escaping_for_html(channel, telegram, rasa):
    rasa.answers["tekens"] = [{"text": 'Gebruik <b>geen</b> "code" & <script>alert(1)</script>. '
                                       "Zie https://example.nl/a?b=1&c=2."}]
    await channel.process(text_update("tekens"))
    (call,) = telegram.sent()
    html = call.params["text"]
    assert "<b>" not in html and "<script>" not in html
    assert visible(html) == 'Gebruik <b>geen</b> "code" & <script>alert(1)</script>. Zie https://example.nl/a?b=1&c=2.'
    assert links(html) == [("https://example.nl/a?b=1&c=2", "https://example.nl/a?b=1&c=2")]


async def test_a_long_answer_is_split_at_sentences_under_telegrams_limit(channel, telegram, rasa):
    sentence = "Een kliniek moet je klacht binnen zes weken beantwoorden, en mag dat met vier weken verlengen. "
    long_text = (sentence * 100).strip()  # about 9600 characters
    rasa.answers["lang"] = [{"text": long_text, "buttons": [{"title": "Verder", "payload": "/capabilities"}]}]
    await channel.process(text_update("lang"))
    calls = telegram.sent()
    assert len(calls) == 3
    parts = [visible(c.params["text"]) for c in calls]
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in parts)
    assert all(p.endswith("verlengen.") for p in parts)  # cut at the end of a sentence
    assert " ".join(parts) == long_text
    assert [keyboard_of(c) != [] for c in calls] == [False, False, True]  # the buttons under the last part


async def test_message_too_long_is_not_sent_to_rasa(make_channel, telegram, rasa):
    channel = await make_channel(max_message_chars=50)
    await channel.process(text_update("x" * 51))
    assert telegram.texts() == [texts.TOO_LONG] and rasa.received == []


# --- buttons ---------------------------------------------------------------------------------------------------
async def test_buttons_become_an_inline_keyboard_and_a_press_sends_the_payload(channel, telegram, rasa):
    rasa.answers["ik wil klagen"] = [{"text": "Waar was de behandeling?", "buttons": [
        {"title": "Nederland", "payload": '/inform{"route_place": "nederland"}'}]}]
    await channel.process(text_update("ik wil klagen"))
    (call,) = telegram.sent()
    ((title, data),) = keyboard_of(call)
    assert title == "Nederland" and len(data.encode()) <= 64
    telegram.clear()
    assert await channel.process(callback_update(data, message_id=777))
    assert rasa.received[-1] == {"sender": SENDER_A, "message": '/inform{"route_place": "nederland"}'}
    methods = telegram.methods()
    assert methods[:2] == ["answerCallbackQuery", "editMessageReplyMarkup"]  # acknowledged, keyboard removed
    edit = telegram.calls[1]
    assert edit.params["message_id"] == 777 and "reply_markup" not in edit.params


async def test_a_button_that_is_not_ours_is_not_sent_to_rasa(channel, telegram, rasa):
    await channel.process(callback_update('p00000000/inform{"route_place": "nederland"}'))
    assert telegram.methods()[0] == "answerCallbackQuery"
    assert telegram.texts() == [texts.BUTTON_GONE] and rasa.received == []


async def test_the_letter_download_is_sent_as_a_document(channel, telegram, rasa):
    rasa.answers["brief"] = [{"text": "Hier is je brief.", "custom": {
        "type": "download", "filename": "klachtbrief.txt", "mime_type": "text/plain",
        "content": "Geachte klachtenfunctionaris,\n\nIk schrijf u over…"}}]
    await channel.process(text_update("brief"))
    text, document = telegram.sent()
    assert text.method == "sendMessage" and document.method == "sendDocument"
    name, content = document.files["document"]
    assert name == "klachtbrief.txt" and content.decode() == "Geachte klachtenfunctionaris,\n\nIk schrijf u over…"


# --- what is not text -----------------------------------------------------------------------------------------------
async def test_photo_voice_sticker_and_file_get_a_kind_text(channel, telegram, rasa):
    for update in (photo_update(), voice_update(), sticker_update(), document_update(),
                   document_update(mime_type="image/jpeg")):
        await channel.process(update)
    assert telegram.texts() == [texts.PHOTO, texts.VOICE, texts.STICKER, texts.DOCUMENT, texts.PHOTO]
    assert "medische" in texts.PHOTO and "alleen tekst" in texts.PHOTO
    assert rasa.received == []  # not even the photo's caption


async def test_other_kinds_of_message(channel, telegram, rasa):
    await channel.process(message_update(contact={"phone_number": "+31612345678", "first_name": "Sanne"}))
    await channel.process(message_update(location={"latitude": 52.1, "longitude": 5.1}))
    assert telegram.texts() == [texts.CONTACT, texts.ONLY_TEXT] and rasa.received == []


async def test_group_chats_get_no_answer(channel, telegram, rasa):
    group = -1001234567890
    for update in (text_update("Is een zwijgcontract geldig?", group, chat_type="supergroup", from_id=CHAT_A),
                   command_update("/start", group, chat_type="group", from_id=CHAT_A),
                   photo_update(group, chat_type="group", from_id=CHAT_A)):
        assert await channel.process(update)
    assert telegram.methods() == [] and rasa.received == []


async def test_edited_messages_are_not_answered(channel, telegram, rasa):
    update = text_update("hallo")
    update["edited_message"] = update.pop("message")
    update["edited_message"]["edit_date"] = update["edited_message"]["date"]
    await channel.process(update)
    assert telegram.methods() == [] and rasa.received == []


# --- two chats -----------------------------------------------------------------------------------------------------
async def test_two_chats_interleaved_in_a_form_keep_their_own_state(channel, telegram, rasa):
    def last_keyboard(chat):
        return dict(keyboard_of(telegram.sent(chat)[-1]))

    await channel.process(callback_update(channel.codec.encode("/start_complaint_route"), CHAT_A))
    await channel.process(callback_update(channel.codec.encode("/start_complaint_route"), CHAT_B))
    await channel.process(callback_update(last_keyboard(CHAT_A)["Nederland"], CHAT_A))
    await channel.process(callback_update(last_keyboard(CHAT_B)["Buitenland"], CHAT_B))
    await channel.process(callback_update(last_keyboard(CHAT_B)["Schoonheidssalon"], CHAT_B))
    await channel.process(callback_update(last_keyboard(CHAT_A)["Arts of kliniek"], CHAT_A))
    assert telegram.texts(CHAT_A)[-1] == "Jouw route: nederland, arts."
    assert telegram.texts(CHAT_B)[-1] == "Jouw route: buitenland, salon."
    assert {r["sender"] for r in rasa.received} == {SENDER_A, SENDER_B}
    assert len(rasa.messages(SENDER_A)) == len(rasa.messages(SENDER_B)) == 3


# --- failures -------------------------------------------------------------------------------------------------------
async def test_rasa_down_apology_with_lmz_and_a_retry_that_resends_the_scrubbed_message(channel, telegram, rasa):
    rasa.mode = "error"
    assert await channel.process(text_update("mail me op sanne@example.nl: is een zwijgcontract geldig?",
                                             message_id=55))
    privacy, apology = telegram.sent()
    assert visible(privacy.params["text"]) == PRIVACY_REPLY
    assert visible(apology.params["text"]) == texts.RASA_DOWN and "088 - 120 50 20" in texts.RASA_DOWN
    assert apology.params["reply_parameters"]["message_id"] == 55  # it answers the message that failed
    ((title, data),) = keyboard_of(apology)
    assert title == "Opnieuw proberen"

    rasa.mode = "ok"
    telegram.clear()
    assert await channel.process(callback_update(data, message_id=apology.params.get("message_id", 3000)))
    # the failed try (Rasa's own error is not tried again by the gateway) and the retry button's
    assert rasa.messages() == ["mail me op [e-mailadres]: is een zwijgcontract geldig?"] * 2
    assert "sanne@example.nl" not in str(rasa.received)
    assert telegram.methods()[:2] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert "nietig" in telegram.texts()[0]


async def test_rasa_timeout_gives_the_slow_text(make_channel, telegram, rasa):
    channel = await make_channel(rasa_timeout=0.3)
    rasa.mode, rasa.delay = "slow", 2.0
    await channel.process(text_update("hallo"))
    assert telegram.texts() == [texts.RASA_SLOW]


async def test_no_answer_from_rasa_counts_as_a_failure(channel, telegram, rasa):
    rasa.mode = "empty"  # what Rasa answers when the action server is down
    await channel.process(text_update("hallo"))
    (call,) = telegram.sent()
    assert visible(call.params["text"]) == texts.RASA_DOWN and keyboard_of(call)[0][0] == "Opnieuw proberen"


async def test_retry_works_on_another_replica_through_the_replied_message(make_channel, telegram, rasa):
    first = await make_channel()
    rasa.mode = "error"
    await first.process(text_update("mijn bsn is 111222333", message_id=55))
    data = keyboard_of(telegram.sent()[-1])[0][1]
    other = await make_channel()  # knows nothing of the first one's store
    rasa.mode = "ok"
    original = {"message_id": 55, "date": 0, "chat": {"id": CHAT_A, "type": "private"},
                "text": "mijn bsn is 111222333"}
    await other.process(callback_update(data, reply_to=original))
    assert rasa.messages()[-1] == "mijn bsn is [bsn]"


async def test_the_same_update_twice_is_answered_once(channel, telegram, rasa):
    update = text_update("Is een zwijgcontract geldig?")
    assert await channel.process(update)
    assert await channel.process(update)
    assert len(rasa.received) == 1 and len(telegram.sent()) == 2


async def test_telegram_failing_asks_rasa_once_and_the_redelivery_sends_the_answer(channel, telegram, rasa):
    update = text_update("Is een zwijgcontract geldig?")
    telegram.fail["sendMessage"] = [500]
    assert not await channel.process(update)  # the webhook answers 500: Telegram delivers again
    assert len(rasa.received) == 1 and telegram.sent() == [telegram.calls[-1]]
    assert await channel.process(update)
    assert len(rasa.received) == 1  # Rasa is not asked again
    assert [visible(c.params["text"]) for c in telegram.sent()[1:]] == [
        "Nee. Een zwijgcontract over een incident in de zorg is nietig.", SOURCE]


async def test_a_redelivery_to_another_replica_sends_the_answer_rasa_stored_without_asking_again(
        make_channel, telegram, rasa):
    first, second = await make_channel(), await make_channel()  # two gateway replicas
    update = text_update("Is een zwijgcontract geldig?")
    update["message"]["date"] -= 60  # Telegram delivers an update again only after a while
    telegram.fail["sendMessage"] = [500]
    assert not await first.process(update)  # Rasa answered, Telegram could not be reached: 500
    telegram.clear()
    assert await second.process(update)
    assert len(rasa.received) == 1  # the other replica read the answer from the conversation
    assert [visible(c.params["text"]) for c in telegram.sent()] == [
        "Nee. Een zwijgcontract over een incident in de zorg is nietig.", SOURCE]


async def test_a_new_message_is_not_looked_up_first(channel, telegram, rasa):
    assert await channel.process(text_update("Is een zwijgcontract geldig?"))
    assert rasa.tracker_reads == 0 and len(rasa.received) == 1


async def test_a_half_sent_answer_continues_where_it_stopped(channel, telegram, rasa):
    update = text_update("Is een zwijgcontract geldig?")
    telegram.fail["sendMessage"] = [0, 502]  # the first part goes, the second fails
    assert not await channel.process(update)
    telegram.clear()
    assert await channel.process(update)
    assert telegram.texts() == [SOURCE]  # only the part that was missing
    assert len(rasa.received) == 1
    assert await channel.process(update)  # a third delivery: nothing more
    assert telegram.texts() == [SOURCE]


async def test_in_polling_the_channel_tries_again_itself(make_channel, telegram, rasa):
    channel = await make_channel(delivery_attempts=3, retry_delay=0.01)
    telegram.fail["sendMessage"] = [502, 429]
    assert await channel.process(text_update("Is een zwijgcontract geldig?"))
    assert telegram.texts()[-2:] == ["Nee. Een zwijgcontract over een incident in de zorg is nietig.", SOURCE]
    assert len(rasa.received) == 1


async def test_blocked_by_the_person_counts_as_done(channel, telegram, rasa):
    telegram.fail["sendMessage"] = [403]
    update = text_update("hallo")
    assert await channel.process(update)
    assert await channel.process(update)
    assert len(rasa.received) == 1
    assert len([c for c in telegram.calls if c.method == "sendMessage"]) == 1


async def test_rate_limit_per_chat_says_so_once(make_channel, telegram, rasa):
    channel = await make_channel(rate_chat_burst=2, rate_chat_per_minute=1)
    for i in range(4):
        await channel.process(text_update(f"vraag {i}"))
    await channel.process(text_update("andere chat", CHAT_B))
    assert len(rasa.messages(SENDER_A)) == 2 and rasa.messages(SENDER_B) == ["andere chat"]
    assert telegram.texts(CHAT_A).count(texts.RATE_LIMITED) == 1


async def test_logs_hold_no_text_and_no_chat_id(channel, telegram, rasa, caplog):
    caplog.set_level(logging.DEBUG, logger="bot")
    rasa.mode = "error"
    await channel.process(text_update("mijn geheime vraag over botox"))
    rasa.mode = "ok"
    await channel.process(text_update("mijn geheime vraag over botox"))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "geheime vraag" not in logged and str(CHAT_A) not in logged and SENDER_A not in logged


async def test_a_delivery_while_the_same_update_is_still_handled_waits_for_it(channel, telegram, rasa):
    rasa.mode, rasa.delay = "slow", 0.3
    update = text_update("hallo")
    first, second = await asyncio.gather(channel.process(update), channel.process(update))
    assert first is True and second is True
    assert len(rasa.received) == 1 and len(telegram.sent()) == 1


# --- privacy rights --------------------------------------------------------------------------------------------
async def test_yes_to_deleting_the_conversation_deletes_it_and_says_so(make_channel, telegram, rasa, tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    channel = await make_channel(tracker_store_url=url)
    await store_conversation(url, channel.sender(CHAT_A))
    rasa.answers["/affirm"] = [{"custom": {"type": "delete_conversation"}}]  # what action_delete_conversation sends
    assert await channel.process(callback_update(channel.codec.encode("/affirm")))
    assert any(t.startswith("Je gesprek is gewist.") for t in telegram.texts())
    assert "delete_conversation" not in str(telegram.calls)  # the request itself is never shown
    assert ConversationStore(url).count_sync(channel.sender(CHAT_A)) == 0


# --- the help line after a crisis answer ---------------------------------------------------------------------------
async def test_a_crisis_answer_keeps_a_help_button_under_the_chat_and_a_press_asks_for_help(channel, telegram, rasa):
    rasa.answers["ik wil niet meer leven"] = [
        {"text": "Praat erover met 113. Chat op 113.nl.", "buttons": [
            {"title": "Terug naar mijn vraag", "payload": "Terug naar mijn vraag"}]},
        {"custom": {"type": "safety_line"}}]
    await channel.process(text_update("ik wil niet meer leven"))
    text, kept = telegram.sent()
    assert "113.nl" in visible(text.params["text"])
    assert "inline_keyboard" in str(text.params["reply_markup"])  # the answer keeps its own buttons
    markup = kept.params["reply_markup"]
    assert texts.HELP_BUTTON in str(markup) and "is_persistent" in str(markup)
    assert visible(kept.params["text"]) == texts.HELP_KEPT
    telegram.clear()
    await channel.process(text_update(texts.HELP_BUTTON))
    assert rasa.messages()[-1] == "/crisis_help"


async def test_the_help_button_rides_on_an_answer_without_buttons(channel, telegram, rasa):
    rasa.answers["hij staat voor de deur"] = [{"text": "Bel meteen 112."}, {"custom": {"type": "safety_line"}}]
    await channel.process(text_update("hij staat voor de deur"))
    (call,) = telegram.sent()
    assert "112" in visible(call.params["text"]) and texts.HELP_BUTTON in str(call.params["reply_markup"])
