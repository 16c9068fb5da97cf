"""The complaint letter: reading the answers in the letter form, the letter itself, and the two actions."""
import itertools
import re
from datetime import date, timedelta

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.dates import format_dutch_date
from actions.form_answers import is_question, month_or_year, redact_personal_data
from actions.letter import (INTRO, LETTER_SLOTS, NOTE_DATE_FUTURE, NOTE_DATE_NONE, NOTE_DATE_VAGUE,
                            NOTE_PROBLEM_LONG, NOTE_PROBLEM_SHORT, NOTE_PROVIDER_LONG, PLACEHOLDERS,
                            PROVIDER_PLACEHOLDER, WISH_SENTENCES, WISHES, ActionComplaintLetter, ValidateLetterForm,
                            compose_letter, letter_answer, read_letter_date, read_wish)
from nlu_components.detectors import personal_data
from quality.readability import answer_body, problems

from .conftest import button_values

TODAY = date(2026, 4, 15)
EMAIL, PHONE, BSN, IBAN = "sanne.devries@example.nl", "06-12345678", "111222333", "NL91ABNA0417164300"
LETTER_DOMAIN = {
    "forms": {"letter_form": {"required_slots": list(LETTER_SLOTS)}},
    "slots": {name: {"type": "text", "mappings": [{"type": "custom"}]} for name in LETTER_SLOTS},
    "responses": {},
}

def answer(text, slot, intent="inform", entities=None):
    return letter_answer({"text": text, "intent": {"name": intent}, "entities": entities or []}, slot, TODAY)

def slots(provider="Kliniek Mooi", treatment="ooglidcorrectie", when="2026-03-03",
          problem="Mijn linkerooglid hangt lager dan het rechter.", wish="excuses"):
    return {"letter_provider": provider, "letter_treatment": treatment, "letter_date": when,
            "letter_problem": problem, "letter_wish": wish}

# --- the domain and this module agree ------------------------------------------------------------------------

def test_domain_form_slots_entities_and_buttons(project_domain):
    assert project_domain["forms"]["letter_form"]["required_slots"] == list(LETTER_SLOTS)
    for name in LETTER_SLOTS:
        assert project_domain["slots"][name]["mappings"] == [{"type": "custom"}], name
    assert "letter_wish" in project_domain["entities"]
    for name in ("validate_letter_form", "action_complaint_letter"):
        assert name in project_domain["actions"]
    seen = set()
    for button in project_domain["responses"]["utter_ask_letter_wish"][0].get("buttons") or []:
        for name, value in button_values(button).items():
            assert name == "letter_wish" and value in WISHES, button
            assert answer(button["payload"], "letter_wish", entities=[{"entity": name, "value": value}]) == (
                {"letter_wish": value}, [])
            seen.add(value)
    assert seen >= {"uitleg", "excuses", "herstel", "geld_terug", "schadevergoeding"}

# --- reading the answers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Kliniek Mooi", "Kliniek Mooi"),
    ("kliniek mooi.", "kliniek mooi"),
    ("bij Kliniek Mooi", "Kliniek Mooi"),
    ("Het was bij dr. Jansen in Utrecht", "dr. Jansen in Utrecht"),
    ("De kliniek heet Beauty Clinic Amsterdam", "Beauty Clinic Amsterdam"),
    ("\"Huidkliniek Zuid\"", "Huidkliniek Zuid"),
    ("weet ik niet", "onbekend"),
    ("geen idee", "onbekend"),
    ("Onbekend", "onbekend"),
    ("ik weet de naam niet meer", "onbekend"),
])
def test_provider_as_typed(text, expected):
    assert answer(text, "letter_provider") == ({"letter_provider": expected}, [])

@pytest.mark.parametrize("text,expected", [
    ("ooglidcorrectie", "ooglidcorrectie"),
    ("Ooglidcorrectie", "ooglidcorrectie"),
    ("een neuscorrectie", "neuscorrectie"),
    ("ik had fillers in mijn lippen", "fillers in mijn lippen"),
    ("Ik heb een borstvergroting laten doen.", "borstvergroting"),
    ("BBL", "BBL"),
    ("botox", "botox"),
    ("weet ik niet meer", "onbekend"),
])
def test_treatment_as_typed(text, expected):
    assert answer(text, "letter_treatment") == ({"letter_treatment": expected}, [])

@pytest.mark.parametrize("text,expected", [
    ("3 maart 2026", "2026-03-03"),
    ("03-03-2026", "2026-03-03"),
    ("2026-03-03", "2026-03-03"),
    ("gisteren", "2026-04-14"),
    ("op 12 januari", "2026-01-12"),
    ("12 december", "2025-12-12"),
    ("maart 2026", "maart 2026"),
    ("in maart", "maart 2026"),
    ("in mei", "mei 2025"),  # May is still to come this year: last year
    ("mrt 2026", "maart 2026"),
    ("begin maart 2026", "begin maart 2026"),
    ("eind 2025", "eind 2025"),
    ("vorige maand", "maart 2026"),
    ("vorig jaar", "2025"),
    ("in 2024", "2024"),
    ("weet ik niet", "onbekend"),
    ("weet ik niet meer", "onbekend"),
    ("geen idee", "onbekend"),
])
def test_date_of_the_treatment(text, expected):
    assert answer(text, "letter_date") == ({"letter_date": expected}, [])

@pytest.mark.parametrize("text,note", [
    ("1 mei 2026", NOTE_DATE_FUTURE),
    ("morgen", NOTE_DATE_FUTURE),
    ("juni 2026", NOTE_DATE_FUTURE),
    ("2027", NOTE_DATE_FUTURE),
    ("een paar weken geleden", NOTE_DATE_VAGUE),
    ("hmm even denken", NOTE_DATE_NONE),
])
def test_unusable_date_asks_again_and_says_why(text, note):
    assert answer(text, "letter_date") == ({"letter_date": None}, [note])

def test_impossible_date_says_why():
    values, notes = answer("31 februari 2026", "letter_date")
    assert values == {"letter_date": None}
    assert "28 dagen" in notes[0] and "nog eens" in notes[0]
    assert problems(notes[0]) == []

@pytest.mark.parametrize("text", [
    "Mijn linkerooglid hangt lager dan het rechter. Ik zie slechter dan eerst.",
    "Er is een infectie ontstaan en niemand nam de telefoon op.",
    "De fillers zitten in bultjes.",
    "Wat er misging: het litteken is heel breed.",  # a question word that starts a statement
    "pijn",
])
def test_problem_as_typed(text):
    assert answer(text, "letter_problem") == ({"letter_problem": text}, [])

def test_problem_too_short_or_too_long():
    assert answer("ok", "letter_problem", intent="affirm") == ({"letter_problem": None}, [NOTE_PROBLEM_SHORT])
    assert answer("x" * 1501, "letter_problem") == ({"letter_problem": None}, [NOTE_PROBLEM_LONG])
    assert answer("x" * 1500, "letter_problem")[0] == {"letter_problem": "x" * 1500}

def test_problem_that_a_rule_intent_got_is_still_read_when_it_is_no_question():
    text = "De kliniek wil dat ik een zwijgcontract teken over de mislukte operatie."
    assert answer(text, "letter_problem", intent="faq/zwijgcontract_geldig") == ({"letter_problem": text}, [])
    text = "Volgens artikel 7 had ik uitleg moeten krijgen, maar dat gebeurde niet."
    assert answer(text, "letter_problem", intent="ask_law_article") == ({"letter_problem": text}, [])
    text = "bultjes en pijn na de fillers"
    assert answer(text, "letter_problem", intent="nlu_fallback") == ({"letter_problem": text}, [])

@pytest.mark.parametrize("text,expected", [
    ("uitleg", "uitleg"),
    ("ik wil weten waarom het mis ging", "uitleg"),
    ("excuses", "excuses"),
    ("dat ze sorry zeggen", "excuses"),
    ("dat ze het herstellen", "herstel"),
    ("een gratis hersteloperatie", "herstel"),
    ("mijn geld terug", "geld_terug"),
    ("ik wil dat ze terugbetalen", "geld_terug"),
    ("schadevergoeding", "schadevergoeding"),
    ("een vergoeding voor de schade", "schadevergoeding"),
    ("excuses en mijn geld terug", "excuses,geld_terug"),
    ("uitleg, excuses en een schadevergoeding", "uitleg,excuses,schadevergoeding"),
    ("iets anders", "anders"),
    ("weet ik niet", "anders"),
    ("dat ze hun werkwijze aanpassen", "dat ze hun werkwijze aanpassen"),
    ("excuses, en daarnaast wil ik dat ze hun werkwijze aanpassen voor anderen",
     "excuses, en daarnaast wil ik dat ze hun werkwijze aanpassen voor anderen"),  # long: own words
])
def test_wish_from_free_text(text, expected):
    assert answer(text, "letter_wish") == ({"letter_wish": expected}, [])

@pytest.mark.parametrize("value", WISHES)
def test_wish_from_a_button(value):
    payload = f'/inform{{"letter_wish": "{value}"}}'
    assert answer(payload, "letter_wish", entities=[{"entity": "letter_wish", "value": value}]) == (
        {"letter_wish": value}, [])

def test_button_entities_only_count_for_their_own_slot_and_known_values():
    bad = '/inform{"letter_wish": "alles"}'
    assert answer(bad, "letter_wish", entities=[{"entity": "letter_wish", "value": "alles"}]) == ({}, [])
    # a wish entity while the problem is asked: the text is read as the problem
    text = "Het resultaat is scheef. Ik wil excuses."
    assert answer(text, "letter_problem", entities=[{"entity": "letter_wish", "value": "excuses"}]) == (
        {"letter_problem": text}, [])
    # a payload for another slot is not read as text
    assert answer('/inform{"route_place": "nederland"}', "letter_provider",
                  entities=[{"entity": "route_place", "value": "nederland"}]) == ({}, [])

@pytest.mark.parametrize("slot", LETTER_SLOTS)
@pytest.mark.parametrize("text,intent", [
    ("wat is een klachtenfunctionaris?", "faq"),
    ("Mag een kliniek een zwijgcontract laten tekenen", "faq/zwijgcontract_geldig"),
    ("wat zegt artikel 17?", "ask_law_article"),
    ("ben jij een robot?", "bot_challenge"),
    ("hallo", "greet"),
    ("dank je wel", "thank"),
    ("wat kun je allemaal?", "capabilities"),
    ("moet ik naar een advocaat?", "legal_advice"),
    ("ik bloed heel erg", "emergency"),
    ("ik wil niet meer leven", "suicidal"),
    ("de kliniek bedreigt me", "threat"),
    ("stop", "stop"),
    ("opnieuw beginnen", "restart"),
    ("doei", "goodbye"),
    ("ik wil een mens spreken", "human_handoff"),
    ("a8f$$#@!!", "unreadable"),
])
def test_questions_safety_and_leaving_are_left_to_the_rules(slot, text, intent):
    assert answer(text, slot, intent=intent) == ({}, [])

def test_only_the_asked_slot_is_read():
    for slot in LETTER_SLOTS:
        values, _ = answer("Kliniek Mooi", slot)
        assert set(values) <= {slot}
    assert letter_answer({"text": "Kliniek Mooi", "intent": {"name": "inform"}}, None, TODAY) == ({}, [])
    assert letter_answer({"text": "Kliniek Mooi", "intent": {"name": "inform"}}, "route_place", TODAY) == ({}, [])

@pytest.mark.parametrize("slot,text,kind,placeholder", [
    ("letter_problem", f"Het litteken is breed. Mail me op {EMAIL}", "e-mailadres", "[e-mailadres weggelaten]"),
    ("letter_problem", f"Het litteken is breed. Bel me: {PHONE}.", "telefoonnummer", "[telefoonnummer weggelaten]"),
    ("letter_problem", f"Mijn BSN is {BSN} en het litteken is breed.", "BSN", "[BSN weggelaten]"),
    ("letter_problem", f"Stort het terug op {IBAN}, het litteken is breed.", "rekeningnummer",
     "[rekeningnummer weggelaten]"),
    ("letter_problem", "Mijn naam is Sanne de Vries en het litteken is breed.", "naam", "[naam weggelaten]"),
    ("letter_problem", "Ik woon op de Dorpsstraat 12, 1234 AB. Het litteken is breed.", "adres",
     "[adres weggelaten]"),
    ("letter_provider", "Kliniek Mooi, tel 020-1234567", "telefoonnummer", "[telefoonnummer weggelaten]"),
    ("letter_treatment", f"fillers, mail {EMAIL}", "e-mailadres", "[e-mailadres weggelaten]"),
    ("letter_wish", f"mijn geld terug op {IBAN}", "rekeningnummer", None),
])
def test_personal_data_is_replaced_and_the_person_is_told(slot, text, kind, placeholder):
    values, notes = answer(text, slot, intent="share_personal_data")
    value = values[slot]
    assert value
    assert personal_data(value) == []
    for secret in (EMAIL, PHONE, BSN, IBAN, "Sanne", "Dorpsstraat 12", "1234 AB", "020-1234567"):
        assert secret not in value
    if placeholder:
        assert placeholder in value
    assert len(notes) == 1 and kind in notes[0] and "niet nodig" in notes[0]
    assert problems(notes[0]) == []

def test_only_personal_data_is_not_stored():
    assert answer(EMAIL, "letter_provider", intent="share_personal_data") == ({}, [])  # the rule answers
    values, notes = answer(f"{PHONE}", "letter_problem", intent="inform")
    assert values == {"letter_problem": None} and "telefoonnummer" in notes[0]

def test_long_provider_asks_for_the_name_only():
    text = "Kliniek Mooi, daar had ik mijn ooglidcorrectie en het ging helemaal mis met mijn ogen"
    assert answer(text, "letter_provider") == ({"letter_provider": None}, [NOTE_PROVIDER_LONG])

@pytest.mark.parametrize("text,question", [
    ("wat is een klachtenfunctionaris?", True),
    ("Mag ik anoniem klagen", True),
    ("hoe lang duurt dat", True),
    ("Wat er misging: het litteken", False),
    ("Waar ik woon is niet belangrijk", False),
    ("Kliniek Mooi", False),
    ("De fillers zitten scheef.", False),
])
def test_is_question(text, question):
    assert is_question(text) is question

@pytest.mark.parametrize("text,expected", [
    ("maart 2026", (None, 3, 2026)),
    ("eind februari '25", ("eind", 2, 2025)),
    ("vorig jaar", (None, None, 2025)),
    ("zomer 2023", (None, None, 2023)),
    ("jullie hebben het verpest", None),  # "jullie" is no "juli"
    ("maar het ging mis", None),
])
def test_month_or_year(text, expected):
    assert month_or_year(text, TODAY) == expected

def test_redaction_keeps_public_numbers_dates_and_plain_words():
    for text in ("Ik belde het LMZ op 088 - 120 50 20 op 03-03-2026 en betaalde 1500 euro.",
                 "Ik woon aan de rand van de stad sinds 2020.", "Ik heet u welkom.", "In 2023 EN 2024 ging het mis."):
        assert redact_personal_data(text) == (text, [])
    assert redact_personal_data("ik woon aan het Spui 21b in Den Haag") == (
        "ik woon aan [adres weggelaten] in Den Haag", ["address"])

def test_pure_readers_directly():
    assert read_wish("ik wil graag dat ze mijn geld terugbetalen want het resultaat is echt heel slecht") is None
    assert read_wish("geld terug") == "geld_terug" and read_wish("hmm") is None
    assert read_letter_date("3 maart 2026", TODAY) == ("2026-03-03", None)
    assert read_letter_date("3 maart 2026", date(2026, 3, 2)) == (None, NOTE_DATE_FUTURE)

@pytest.mark.parametrize("note", [NOTE_DATE_FUTURE, NOTE_DATE_NONE, NOTE_DATE_VAGUE, NOTE_PROBLEM_SHORT,
                                  NOTE_PROBLEM_LONG, NOTE_PROVIDER_LONG])
def test_notes_read_at_b1(note):
    assert problems(note) == []

# --- the letter --------------------------------------------------------------------------------------------------

LAW_PARTS = ["artikel 14", "artikel 15", "artikel 17 lid 1", "artikel 17 lid 2", "artikel 21", "zes weken",
             "vier weken", "klachtenfunctionaris", "gratis", "geschilleninstantie", "schriftelijk"]
COMBINATIONS = list(itertools.product(
    ["Kliniek Mooi", "onbekend", None],
    ["ooglidcorrectie", "onbekend"],
    ["2026-03-03", "maart 2026", "begin maart 2026", "2025", "onbekend", None],
    ["Mijn ooglid hangt scheef.", "onbekend"],
    ["excuses", "excuses,geld_terug", "anders", "dat ze hun werkwijze aanpassen", None],
))

@pytest.mark.parametrize("provider,treatment,when,problem,wish", COMBINATIONS)
def test_every_letter_has_the_law_the_placeholders_and_the_date(provider, treatment, when, problem, wish):
    letter = compose_letter(slots(provider, treatment, when, problem, wish), TODAY)
    for part in LAW_PARTS + list(PLACEHOLDERS):
        assert part in letter, part
    assert "Datum: 15 april 2026" in letter
    assert "Wkkgz" in letter and "Geachte heer, mevrouw," in letter and "Met vriendelijke groet," in letter
    assert ("Aan: Kliniek Mooi" in letter) is (provider == "Kliniek Mooi")
    assert (f"Aan: {PROVIDER_PLACEHOLDER}" in letter) is (provider != "Kliniek Mooi")
    assert "onbekend" not in letter.lower() and "None" not in letter
    assert not re.search(r"\d{4}-\d{2}-\d{2}", letter)  # dates are written out
    assert personal_data(letter) == []
    assert letter.count("[") == letter.count("]")

@pytest.mark.parametrize("when,sentence", [
    ("2026-03-03", "Op 3 maart 2026 had ik bij u deze behandeling: ooglidcorrectie."),
    ("maart 2026", "In maart 2026 had ik bij u deze behandeling: ooglidcorrectie."),
    ("begin maart 2026", "Begin maart 2026 had ik bij u deze behandeling: ooglidcorrectie."),
    ("2025", "In 2025 had ik bij u deze behandeling: ooglidcorrectie."),
    ("onbekend", "Op [datum van de behandeling] had ik bij u deze behandeling: ooglidcorrectie."),
])
def test_the_date_of_the_treatment_in_the_letter(when, sentence):
    assert sentence in compose_letter(slots(when=when), TODAY)

def test_the_letter_tells_what_went_wrong_and_what_is_wanted():
    letter = compose_letter(slots(problem="Mijn ooglid hangt scheef.", wish="uitleg,herstel"), TODAY)
    assert "Onderwerp: Klacht over mijn behandeling (ooglidcorrectie)" in letter
    assert "Wat er mis ging:\nMijn ooglid hangt scheef." in letter
    assert f"- {WISH_SENTENCES['uitleg']}" in letter and f"- {WISH_SENTENCES['herstel']}" in letter
    assert WISH_SENTENCES["excuses"] not in letter
    own = compose_letter(slots(wish="dat ze hun werkwijze aanpassen"), TODAY)
    assert "- Dat ze hun werkwijze aanpassen." in own
    unknown = compose_letter(slots(treatment="onbekend", problem="onbekend", wish="anders"), TODAY)
    assert "[naam van de behandeling]" in unknown and "[Beschrijf hier wat er mis ging.]" in unknown
    assert WISH_SENTENCES["anders"] in unknown
    assert "Onderwerp: Klacht over mijn behandeling\n" in unknown

def test_the_letter_never_carries_personal_data_even_from_slots_set_elsewhere():
    letter = compose_letter(slots(provider="Kliniek Mooi", treatment=f"fillers {EMAIL}",
                                  problem=f"Bel {PHONE}, BSN {BSN}, rekening {IBAN}.",
                                  wish=f"geld terug naar {IBAN}"), TODAY)
    for secret in (EMAIL, PHONE, BSN, IBAN):
        assert secret not in letter
    assert personal_data(letter) == []

@pytest.mark.parametrize("today,written", [(date(2026, 1, 5), "5 januari 2026"),
                                           (date(2025, 12, 31), "31 december 2025")])
def test_the_letter_is_dated_today_in_dutch(today, written):
    assert format_dutch_date(today, weekday=False) == written
    assert f"Datum: {written}" in compose_letter(slots(), today)

def test_intro_reads_at_b1_and_names_its_source():
    assert INTRO.startswith("Hier is je brief. Vul de delen tussen [haakjes] zelf in. Bewaar een kopie.")
    assert problems(answer_body(INTRO)) == []
    assert INTRO.endswith("Bron: Wkkgz, artikel 14 en 17 · https://wetten.overheid.nl/BWBR0037173")

# --- the actions ------------------------------------------------------------------------------------------------

async def validate(tracker):
    dispatcher = CollectingDispatcher()
    events = await ValidateLetterForm().run(dispatcher, tracker, LETTER_DOMAIN)
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, dispatcher.messages

async def test_form_fills_the_asked_slot_from_text(tracker_for):
    values, messages = await validate(tracker_for("Kliniek Mooi", requested_slot="letter_provider"))
    assert values == {"letter_provider": "Kliniek Mooi"} and messages == []
    values, _ = await validate(tracker_for("maart 2026", requested_slot="letter_date"))
    assert values == {"letter_date": "maart 2026"}

async def test_form_fills_the_wish_from_a_button(tracker_for):
    tracker = tracker_for('/inform{"letter_wish": "herstel"}', entities=[{"entity": "letter_wish", "value": "herstel"}],
                          requested_slot="letter_wish")
    values, _ = await validate(tracker)
    assert values == {"letter_wish": "herstel"}

async def test_form_reads_nothing_when_it_starts(tracker_for):
    values, messages = await validate(tracker_for("ik wil een klachtbrief schrijven over mijn neuscorrectie",
                                                  intent="write_letter"))
    assert values == {} and messages == []

async def test_form_skips_a_question_and_an_emergency(tracker_for):
    values, messages = await validate(tracker_for("wat is een klachtenfunctionaris?", intent="faq",
                                                  requested_slot="letter_problem"))
    assert values == {} and messages == []
    values, _ = await validate(tracker_for("ik bloed heel erg", intent="emergency", requested_slot="letter_problem"))
    assert values == {}

async def test_form_tells_kindly_that_personal_data_is_left_out(tracker_for):
    values, messages = await validate(tracker_for(f"Het litteken is breed. Mail {EMAIL}",
                                                  intent="share_personal_data", requested_slot="letter_problem"))
    assert values == {"letter_problem": "Het litteken is breed. Mail [e-mailadres weggelaten]"}
    assert len(messages) == 1 and "e-mailadres" in messages[0]["text"]

async def test_form_says_why_a_date_is_not_used(tracker_for):
    coming = date.today() + timedelta(days=40)
    values, messages = await validate(tracker_for(f"{coming.day}-{coming.month}-{coming.year}",
                                                  requested_slot="letter_date"))
    assert values == {"letter_date": None}
    assert [m["text"] for m in messages] == [NOTE_DATE_FUTURE]

async def test_action_sends_intro_then_one_message_with_the_letter_and_resets(tracker_for):
    dispatcher = CollectingDispatcher()
    values = slots(problem=f"Scheef ooglid. Bel {PHONE}")
    events = await ActionComplaintLetter().run(dispatcher, tracker_for("", slots=values), LETTER_DOMAIN)
    assert len(dispatcher.messages) == 2
    intro, letter = dispatcher.messages
    assert intro["text"] == INTRO
    assert "Kliniek Mooi" in letter["text"] and PHONE not in letter["text"]
    download = letter["custom"]
    assert download == {"type": "download", "filename": "klachtbrief.txt", "mime_type": "text/plain",
                        "content": download["content"]}
    # one chat message: no blank line on which a channel would split it, the same words as the download
    assert "\n\n" not in letter["text"] and "\n\n" in download["content"]
    assert letter["text"].split() == download["content"].split()
    assert f"Datum: {format_dutch_date(date.today(), weekday=False)}" in download["content"]
    assert events == [{"event": "slot", "timestamp": None, "name": name, "value": None} for name in LETTER_SLOTS]

async def test_action_without_answers_still_gives_a_letter_with_placeholders(tracker_for):
    dispatcher = CollectingDispatcher()
    await ActionComplaintLetter().run(dispatcher, tracker_for(""), LETTER_DOMAIN)
    content = dispatcher.messages[1]["custom"]["content"]
    assert PROVIDER_PLACEHOLDER in content and "[datum van de behandeling]" in content

@pytest.mark.parametrize("text,expected", [
    ("mijn bsn is 111 222 333", "mijn bsn is [BSN weggelaten]"),
    ("stort op NL91-ABNA-0417-1643-00 graag", "stort op [rekeningnummer weggelaten] graag"),
])
def test_the_letter_takes_out_what_the_gateways_detector_finds(text, expected):
    assert redact_personal_data(text)[0] == expected

def test_a_gateway_placeholder_is_never_written_into_the_letter():
    # the gateway replaced an e-mail address before Rasa saw the message: nothing is left to use as the clinic
    values, _ = letter_answer({"text": "[e-mailadres]", "intent": {"name": "inform"}}, "letter_provider",
                              date(2026, 3, 1))
    assert values["letter_provider"] != "[e-mailadres]"
